package org.hearth.app.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import org.hearth.assistant.task.answer.Citation;
import org.hearth.domain.Language;
import org.hearth.ingest.index.Hit;
import org.hearth.ingest.index.ParagraphRange;
import org.hearth.ingest.index.Snippet;
import org.hearth.ingest.index.StoredChunk;
import org.junit.jupiter.api.Test;

class CitedAnswersTest {

    private static Hit hit(String file, OptionalInt page, Optional<ParagraphRange> paragraphs, String text) {
        StoredChunk chunk = new StoredChunk("id-" + file, "c", Path.of("/akten", file), file, 0, page, paragraphs, 0, text.length(),
                text, Language.GERMAN, false);
        return new Hit(chunk, 1.0, new Snippet(text, List.of()), OptionalDouble.of(1), OptionalDouble.empty(), 1.0);
    }

    @Test
    void aVerbatimQuoteIsVerifiedAndAFabricatedOneIsMarkedUnverified() {
        List<Hit> sources = List.of(
                hit("vertrag.pdf", OptionalInt.of(4), Optional.empty(), "Die Kündigungsfrist beträgt drei Monate\nzum Quartalsende."),
                hit("nachtrag.docx", OptionalInt.empty(), Optional.of(new ParagraphRange(3, 5)), "Die Miete erhöht sich um 2 %."));

        List<CitedAnswers.CheckedCitation> checked = CitedAnswers.check(List.of(
                new Citation(1, "Kündigungsfrist beträgt drei Monate zum Quartalsende"),
                new Citation(2, "Die Kündigungsfrist beträgt sechs Wochen")), sources);

        assertThat(checked.get(0).verified()).isTrue();
        assertThat(checked.get(0).chunk().fileName()).isEqualTo("vertrag.pdf");
        assertThat(checked.get(1).verified()).isFalse();
        assertThat(checked.get(1).chunk().fileName()).isEqualTo("nachtrag.docx");
    }

    @Test
    void sourcesAreLabelledWithPageOrParagraphsInTheAnswersLanguage() {
        assertThat(CitedAnswers.label(hit("v.pdf", OptionalInt.of(4), Optional.empty(), "x").chunk(), Language.GERMAN)).isEqualTo("v.pdf, S. 4");
        assertThat(CitedAnswers.label(hit("n.docx", OptionalInt.empty(), Optional.of(new ParagraphRange(3, 5)), "x").chunk(), Language.ENGLISH))
                .isEqualTo("n.docx, para. 3–5");
    }
}
