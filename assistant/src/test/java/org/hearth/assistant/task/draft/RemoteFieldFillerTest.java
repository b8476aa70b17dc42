package org.hearth.assistant.task.draft;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.hearth.assistant.engine.remote.ApiKey;
import org.hearth.assistant.engine.remote.RemoteEndpoint;
import org.hearth.assistant.engine.remote.RemoteEngine;
import org.hearth.assistant.task.answer.Source;
import org.hearth.assistant.task.draft.FieldProposal.Status;
import org.hearth.domain.Language;
import org.hearth.fixtures.openai.OpenAiServerExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The filling path with answers a server scripts per field: only a quote that stands in its source fills a field. */
class RemoteFieldFillerTest {

    private static final String MODEL = "qwen3.5-9b-instruct";

    @RegisterExtension
    final OpenAiServerExtension openAi = new OpenAiServerExtension(MODEL);

    private static final List<Source> SOURCES = List.of(
            new Source(1, "Klageschrift.pdf, S. 1", "In dem Rechtsstreit Erika Müller ./. Max Schmidt, Az. 12 C 345/26, "
                    + "wurde die Klage am 12. Januar 2026 zugestellt."),
            new Source(2, "Rechnung.docx, Abs. 4", "Der offene Betrag beläuft sich auf EUR 1234.50 zuzüglich Zinsen."));

    /** Field name → the answer the scripted model gives for it. */
    private static final Map<String, String> ANSWERS = Map.of(
            "Aktenzeichen", """
                    {"found":true,"value":"12 C 345/26","n":1,"quote":"Max Schmidt, Az. 12 C 345/26"}""",
            "Zustellungsdatum", """
                    {"found":true,"value":"12. Januar 2026","n":1,"quote":"wurde die Klage am 12. Januar 2026 zugestellt"}""",
            "Betrag", """
                    {"found":true,"value":"EUR 1234.50","n":2,"quote":"Der offene Betrag beläuft sich auf EUR 1234.50"}""",
            "Gericht", """
                    {"found":true,"value":"Amtsgericht Köln","n":1,"quote":"Die Klage ging beim Amtsgericht Köln ein"}""",
            "Beklagter", """
                    {"found":true,"value":"Moritz Schmidt","n":1,"quote":"Rechtsstreit Erika Müller ./. Max Schmidt"}""",
            "Fristende", """
                    {"found":false,"value":"","n":1,"quote":""}""");

    @Test
    void a_verified_quote_fills_the_field_and_anything_else_is_unsupported_or_empty() {
        openAi.server().answerWith(request -> {
            String user = request.at("/messages/1/content").asText();
            return ANSWERS.entrySet().stream().filter(entry -> user.endsWith("Feld: " + entry.getKey())
                    || user.contains("Feld: " + entry.getKey() + "\n")).map(Map.Entry::getValue).findFirst();
        });
        List<FieldQuery> fields = List.of(
                new FieldQuery("Aktenzeichen", ""),
                new FieldQuery("Zustellungsdatum", "Datum der Zustellung, z. B. 01.02.2026"),
                new FieldQuery("Betrag", ""),
                new FieldQuery("Gericht", ""),
                new FieldQuery("Beklagter", ""),
                new FieldQuery("Fristende", ""));
        List<String> heard = new ArrayList<>();

        FieldFiller.Result result = filler().fill(fields, SOURCES, Language.GERMAN,
                (proposal, done, total) -> heard.add(proposal.name() + " " + done + "/" + total), () -> false);

        assertThat(result.fields())
                .extracting(FieldProposal::name, FieldProposal::status, FieldProposal::value, FieldProposal::source, FieldProposal::verified)
                .containsExactly(
                        tuple("Aktenzeichen", Status.FILLED, "12 C 345/26", OptionalInt.of(1), true),
                        tuple("Zustellungsdatum", Status.FILLED, "12.01.2026", OptionalInt.of(1), true),
                        tuple("Betrag", Status.FILLED, "1.234,50 €", OptionalInt.of(2), true),
                        // the quote is not in the source
                        tuple("Gericht", Status.UNSUPPORTED, "Amtsgericht Köln", OptionalInt.of(1), false),
                        // the quote is, but the value is not in it
                        tuple("Beklagter", Status.UNSUPPORTED, "Moritz Schmidt", OptionalInt.of(1), false),
                        tuple("Fristende", Status.EMPTY, "", OptionalInt.empty(), false));
        assertThat(heard).hasSize(6).last().asString().endsWith("6/6");
        assertThat(result.perField()).hasSize(6).allSatisfy(usage -> assertThat(usage.modelCalls()).isEqualTo(1));
        assertThat(openAi.server().requests()).hasSize(6);
        assertThat(openAi.server().requests().getFirst().json()
                .at("/response_format/json_schema/schema/properties/n/enum")).extracting(node -> node.asInt()).containsExactly(1, 2);
    }

    @Test
    void no_sources_leave_every_field_empty_without_asking_the_model() {
        FieldFiller.Result result = filler().fill(List.of(new FieldQuery("Aktenzeichen", "")), List.of(), Language.GERMAN,
                (proposal, done, total) -> { }, () -> false);

        assertThat(result.fields()).extracting(FieldProposal::status).containsExactly(Status.EMPTY);
        assertThat(openAi.server().requests()).isEmpty();
    }

    @Test
    void an_answer_cut_off_at_its_allowance_leaves_its_field_empty_instead_of_failing_the_draft() {
        // valid under the schema, but three bytes a character: more than a 1024-token context's allowance
        String euros = "€".repeat(FieldFormat.MAX_QUOTE_CHARS);
        openAi.server().answerWith(request -> Optional.of("{\"found\":true,\"value\":\"" + euros.substring(0, FieldFormat.MAX_VALUE_CHARS)
                + "\",\"n\":1,\"quote\":\"" + euros + "\"}"));

        FieldFiller.Result result = new FieldFiller(new RemoteEngine(openAi.client(),
                RemoteEndpoint.of(openAi.server().baseUri(), MODEL, 1024, 1), ApiKey.none()))
                .fill(List.of(new FieldQuery("Aktenzeichen", "")), SOURCES, Language.GERMAN, (proposal, done, total) -> { }, () -> false);

        assertThat(result.fields()).extracting(FieldProposal::status).containsExactly(Status.EMPTY);
        assertThat(openAi.server().requests()).hasSize(1);
    }

    private FieldFiller filler() {
        return new FieldFiller(new RemoteEngine(openAi.client(), RemoteEndpoint.of(openAi.server().baseUri(), MODEL, 4096, 2),
                ApiKey.none()));
    }
}
