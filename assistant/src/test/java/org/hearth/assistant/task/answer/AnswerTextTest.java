package org.hearth.assistant.task.answer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.ToIntFunction;
import java.util.stream.IntStream;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.SortedSet;
import java.util.TreeSet;
import org.hearth.assistant.engine.Completion;
import org.hearth.assistant.engine.EngineException;
import org.hearth.assistant.engine.FinishReason;
import org.hearth.assistant.engine.PromptTooLongException;
import org.hearth.assistant.engine.Usage;
import org.hearth.assistant.grammar.JsonSchemaGrammar;
import org.hearth.assistant.task.StructuredOutput;
import org.hearth.assistant.task.StructuredOutput.InvalidStructuredOutputException;
import org.junit.jupiter.api.Test;

/** The parts of the answerer that need no model: streaming the text out of the JSON, markers, budgets. */
class AnswerTextTest {

    @Test
    void theAnswerTextStreamsOutOfTheJsonWhateverThePieces() {
        String json = "{\"refused\":false,\"answer\":\"Die Frist betr\\u00e4gt \\\"drei\\\" Monate [2].\\nSo steht es in \\u00a74 [1, 2].\","
                + "\"citations\":[{\"n\":2,\"quote\":\"answer: nicht dies\"},{\"n\":1,\"quote\":\"\\\"auch nicht\\\"\"}]}";

        List<String> whole = scan(List.of(json), Set.of(1, 2));
        List<String> charByChar = scan(json.chars().mapToObj(c -> Character.toString((char) c)).toList(), Set.of(1, 2));

        assertThat(String.join("", whole)).isEqualTo("Die Frist beträgt \"drei\" Monate [2].\nSo steht es in §4 [1, 2].");
        assertThat(String.join("", charByChar)).isEqualTo(String.join("", whole));
        assertThat(charByChar.size()).isGreaterThan(20);
    }

    @Test
    void markersNamingNoGivenSourceAreDroppedAndOtherBracketsStay() {
        Set<Integer> given = Set.of(2, 5, 9);

        assertThat(markers("Drei Monate [5]. Nicht [7]. Teils [2, 7, 9] und [9][12].", given))
                .isEqualTo("Drei Monate [5]. Nicht . Teils [2, 9] und [9].");
        assertThat(markers("Kein Verweis: [Anlage 2], [ ], [a1], [12345678] und [5", given))
                .isEqualTo("Kein Verweis: [Anlage 2], [ ], [a1], [12345678] und [5");
        assertThat(markers("Zwei [5,5] und verschachtelt [[2]]", given)).isEqualTo("Zwei [5] und verschachtelt [[2]]");
    }

    @Test
    void markerFilteringIsTheSameWhateverThePieces() {
        String text = "Die Frist [2] gilt, nicht aber [3, 4]; siehe [9 ] und [1";
        StringBuilder whole = new StringBuilder();
        CitationMarkers once = new CitationMarkers(Set.of(2, 9), whole::append);
        once.accept(text);
        once.finish();

        StringBuilder pieces = new StringBuilder();
        CitationMarkers streamed = new CitationMarkers(Set.of(2, 9), pieces::append);
        text.chars().forEach(c -> streamed.accept(Character.toString((char) c)));
        streamed.finish();

        assertThat(whole.toString()).isEqualTo("Die Frist [2] gilt, nicht aber ; siehe [9 ] und [1");
        assertThat(pieces.toString()).isEqualTo(whole.toString());
    }

    @Test
    void theFormatAdmitsExactlyTheGivenSourceNumbersAndItsCaps() {
        AnswerFormat format = new AnswerFormat(new TreeSet<>(Set.of(3, 7, 12)), 60, 2, 30);
        StructuredOutput output = StructuredOutput.fromSchema(format.schema());

        JsonNode valid = output.parseAndValidate(generated("{\"refused\":false,\"answer\":\"Drei Monate [3].\","
                + "\"citations\":[{\"n\":3,\"quote\":\"drei Monaten\"},{\"n\":3,\"quote\":\"drei Monaten\"}]}"));

        assertThat(AnswerFormat.citations(valid)).containsExactly(new Citation(3, "drei Monaten"));
        for (String invalid : List.of(
                "{\"refused\":false,\"answer\":\"x\",\"citations\":[{\"n\":4,\"quote\":\"q\"}]}",
                "{\"refused\":false,\"answer\":\"x\",\"citations\":[{\"n\":3,\"quote\":\"" + "q".repeat(31) + "\"}]}",
                "{\"refused\":false,\"answer\":\"" + "x".repeat(61) + "\",\"citations\":[]}",
                "{\"refused\":false,\"answer\":\"\",\"citations\":[]}",
                "{\"refused\":true,\"answer\":\"x\",\"citations\":[{\"n\":3,\"quote\":\"q\"},{\"n\":7,\"quote\":\"q\"},"
                        + "{\"n\":12,\"quote\":\"q\"}]}")) {
            assertThatThrownBy(() -> output.parseAndValidate(generated(invalid))).as(invalid)
                    .isInstanceOf(InvalidStructuredOutputException.class);
        }
        // the grammar a local engine builds from the schema offers exactly the given numbers
        assertThat(JsonSchemaGrammar.toGbnf(output.schema())).contains("\"12\"").doesNotContain("\"4\"");
    }

    @Test
    void theFormatShrinksToTheAllowanceAndRefusesOneTooSmall() {
        SortedSet<Integer> sources = new TreeSet<>(Set.of(1, 2));

        AnswerFormat roomy = AnswerFormat.fitting(sources, 1536, 0.2);
        AnswerFormat tight = AnswerFormat.fitting(sources, 512, 1.0);

        assertThat(roomy).isEqualTo(new AnswerFormat(sources, AnswerFormat.MAX_ANSWER_CHARS, AnswerFormat.MAX_CITATIONS, AnswerFormat.MAX_QUOTE_CHARS));
        assertThat(tight.maxCitations()).isEqualTo(1);
        // the whole answer at two tokens per character still fits the allowance
        assertThat((tight.answerChars() + tight.quoteChars() + 64) * 2.0).isLessThanOrEqualTo(512);
        assertThatThrownBy(() -> AnswerFormat.fitting(sources, 128, 1.0)).isInstanceOf(EngineException.class);
    }

    @Test
    void theLowestRankedSourcesAreLeftOutFirst() {
        List<Source> ranked = IntStream.rangeClosed(1, 6).mapToObj(n -> new Source(n, "akte.pdf, S. " + n, "x".repeat(100))).toList();

        List<Source> fitted = SourceBudget.fit(ranked, 390, SIZE, " [cut]");

        assertThat(fitted).containsExactlyElementsOf(ranked.subList(0, 3));
        assertThat(SourceBudget.fit(ranked, 10_000, SIZE, " [cut]")).isEqualTo(ranked);
    }

    @Test
    void aBestSourceTooLongAloneIsCutAtACharacterBoundaryAndMarked() {
        // 😀 is a surrogate pair in Java and four bytes in UTF-8: a cut must not split it
        String text = "Wörter und 😀😀😀 " + "Ämter ".repeat(40);
        List<Source> ranked = List.of(new Source(4, "lang.pdf", text), new Source(7, "kurz.pdf", "kurz"));

        for (int budget = 60; budget < 120; budget++) {
            Source cut = SourceBudget.fit(ranked, budget, SIZE, " [cut]").getFirst();

            assertThat(cut.n()).isEqualTo(4);
            assertThat(cut.text()).endsWith(" [cut]");
            String head = cut.text().substring(0, cut.text().length() - " [cut]".length());
            assertThat(text).startsWith(head);
            assertThat(Character.isHighSurrogate(head.charAt(head.length() - 1))).isFalse();
            assertThat(SIZE.applyAsInt(List.of(cut))).isLessThanOrEqualTo(budget);
        }
    }

    @Test
    void aPromptThatDoesNotFitEvenWithoutSourcesIsRefused() {
        List<Source> ranked = List.of(new Source(1, "a.pdf", "Text"));

        assertThatThrownBy(() -> SourceBudget.fit(ranked, 20, SIZE, " [cut]")).isInstanceOf(PromptTooLongException.class);
    }

    /** A stand-in for the prompt's tokens: 40 for the instructions, then the UTF-8 bytes of the sources. */
    private static final ToIntFunction<List<Source>> SIZE = sources -> 40 + sources.stream()
            .mapToInt(source -> (source.label() + source.text()).getBytes(java.nio.charset.StandardCharsets.UTF_8).length).sum();

    private static Completion generated(String text) {
        return new Completion(text, FinishReason.END, Usage.NONE);
    }

    private static List<String> scan(List<String> pieces, Set<Integer> sources) {
        List<String> out = new ArrayList<>();
        CitationMarkers markers = new CitationMarkers(sources, out::add);
        AnswerTextScanner scanner = AnswerTextScanner.into(markers);
        pieces.forEach(scanner::feed);
        return out;
    }

    private static String markers(String text, Set<Integer> sources) {
        StringBuilder out = new StringBuilder();
        CitationMarkers markers = new CitationMarkers(sources, out::append);
        markers.accept(text);
        markers.finish();
        return out.toString();
    }
}
