package org.hearth.app.drafting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.poi.xwpf.extractor.XWPFWordExtractor;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.hearth.assistant.engine.remote.ApiKey;
import org.hearth.assistant.engine.remote.RemoteEndpoint;
import org.hearth.assistant.engine.remote.RemoteEngine;
import org.hearth.assistant.task.draft.FieldProposal.Status;
import org.hearth.fixtures.documents.TestTemplates;
import org.hearth.fixtures.openai.OpenAiServerExtension;
import org.hearth.ingest.document.IsolatedDocumentReader;
import org.hearth.ingest.template.DocxTemplate;
import org.hearth.ingest.template.TemplateField.Kind;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The drafting use case end to end with a scripted model server: the bounded reader, one request per field, the
 * evidence check and the written document.
 */
class DraftFromTemplateTest {

    private static final String MODEL = "qwen3.5-9b-instruct";
    /** Paragraph 1 and 2 of the source file. */
    private static final String FACTS = """
            In dem Rechtsstreit Erika Müller ./. Max Schmidt, Az. 12 C 345/26, wurde die Klage am 12. Januar 2026 zugestellt.

            Die offene Forderung beträgt EUR 1234.50 nebst Zinsen.
            """;

    private static final Map<String, String> ANSWERS = Map.of(
            TestTemplates.CASE_NUMBER, """
                    {"found":true,"value":"12 C 345/26","n":1,"quote":"Max Schmidt, Az. 12 C 345/26"}""",
            TestTemplates.CLIENT, """
                    {"found":true,"value":"Erika Müller","n":1,"quote":"In dem Rechtsstreit Erika Müller ./. Max Schmidt"}""",
            TestTemplates.SERVED, """
                    {"found":true,"value":"12. Januar 2026","n":1,"quote":"wurde die Klage am 12. Januar 2026 zugestellt"}""",
            TestTemplates.AMOUNT, """
                    {"found":true,"value":"EUR 1234.50","n":2,"quote":"Die offene Forderung beträgt EUR 1234.50"}""",
            TestTemplates.COURT, """
                    {"found":true,"value":"Amtsgericht Köln","n":1,"quote":"Zuständig ist das Amtsgericht Köln"}""");

    @RegisterExtension
    final OpenAiServerExtension openAi = new OpenAiServerExtension(MODEL);

    private static IsolatedDocumentReader reader;

    @TempDir
    Path dir;

    @BeforeAll
    static void startReader() {
        reader = new IsolatedDocumentReader(IsolatedDocumentReader.Limits.defaults());
    }

    @AfterAll
    static void stopReader() {
        reader.close();
    }

    @Test
    void writes_only_verified_values_and_reports_every_field_with_its_evidence() throws Exception {
        answerEachFieldFromTheScript();
        Path template = TestTemplates.letter(dir);
        Path source = Files.writeString(dir.resolve("Klage.txt"), FACTS);
        Path out = dir.resolve("Entwurf.docx");
        List<String> heard = new CopyOnWriteArrayList<>();

        DraftFromTemplate.Draft draft = new DraftFromTemplate(reader).draft(template, List.of(source), out,
                cancelled -> engine(),
                new DraftFromTemplate.Listener() {
                    @Override
                    public void filling(int done, int total) {
                        heard.add(done + "/" + total);
                    }
                }, () -> false);

        assertThat(draft.fields()).extracting(DraftFromTemplate.Field::name, DraftFromTemplate.Field::status, DraftFromTemplate.Field::value)
                .contains(
                        tuple(TestTemplates.CASE_NUMBER, Status.FILLED, "12 C 345/26"),
                        tuple(TestTemplates.CLIENT, Status.FILLED, "Erika Müller"),
                        tuple(TestTemplates.SERVED, Status.FILLED, "12.01.2026"),
                        tuple(TestTemplates.AMOUNT, Status.FILLED, "1.234,50 €"),
                        tuple(TestTemplates.COURT, Status.UNSUPPORTED, "Amtsgericht Köln"),
                        tuple(TestTemplates.STREET, Status.EMPTY, ""),
                        tuple(TestTemplates.ENCLOSURES, Status.EMPTY, ""));
        DraftFromTemplate.Field amount = field(draft, TestTemplates.AMOUNT);
        assertThat(amount.evidence()).hasValueSatisfying(evidence -> {
            assertThat(evidence.file()).isEqualTo(source);
            assertThat(evidence.paragraph()).isEqualTo(OptionalInt.of(2));
            assertThat(evidence.page()).isEmpty();
            assertThat(evidence.verified()).isTrue();
        });
        assertThat(field(draft, TestTemplates.COURT).evidence()).hasValueSatisfying(evidence -> assertThat(evidence.verified()).isFalse());
        assertThat(field(draft, TestTemplates.CASE_NUMBER).description()).isEqualTo(TestTemplates.CASE_NUMBER_DESCRIPTION);
        assertThat(field(draft, TestTemplates.ENCLOSURES).kind()).isEqualTo(Kind.ROWS);
        long asked = draft.fields().stream().filter(field -> field.kind() != Kind.ROWS).count();
        assertThat(draft.fields()).hasSize(DocxTemplate.fields(template).size());
        assertThat(heard).hasSize((int) asked).contains(asked + "/" + asked);

        try (InputStream in = Files.newInputStream(out); XWPFDocument filled = new XWPFDocument(in);
             XWPFWordExtractor text = new XWPFWordExtractor(filled)) {
            assertThat(text.getText()).contains("12 C 345/26", "Erika Müller", "12.01.2026", "1.234,50 €")
                    .doesNotContain("{{", "Amtsgericht Köln", TestTemplates.DEADLINE_SENTENCE);
        }
    }

    @Test
    void proposals_write_nothing_and_the_reviewed_values_are_written_as_the_user_chose() throws Exception {
        answerEachFieldFromTheScript();
        Path template = TestTemplates.letter(dir);
        Path source = Files.writeString(dir.resolve("Klage.txt"), FACTS);
        byte[] before = Files.readAllBytes(template);

        DraftFromTemplate.Proposals proposals = new DraftFromTemplate(reader).propose(template, List.of(source),
                cancelled -> engine(),
                new DraftFromTemplate.Listener() { }, () -> false);

        try (var files = Files.list(dir)) {
            assertThat(files.map(file -> file.getFileName().toString())).containsExactlyInAnyOrder(
                    template.getFileName().toString(), "Klage.txt");
        }
        assertThat(proposals.fields()).extracting(DraftFromTemplate.Field::name, DraftFromTemplate.Field::status)
                .contains(tuple(TestTemplates.COURT, Status.UNSUPPORTED), tuple(TestTemplates.CASE_NUMBER, Status.FILLED));

        // reviewed: the unsupported court accepted, the client's name corrected, the file number left out
        Path out = dir.resolve("Entwurf.docx");
        DraftFromTemplate.write(template, Map.of(TestTemplates.COURT, "Amtsgericht Köln", TestTemplates.CLIENT, "Erika Müller-Lüdenscheidt"), out);

        assertThat(Files.readAllBytes(template)).isEqualTo(before);
        try (InputStream in = Files.newInputStream(out); XWPFDocument filled = new XWPFDocument(in);
             XWPFWordExtractor text = new XWPFWordExtractor(filled)) {
            assertThat(text.getText()).contains("Amtsgericht Köln", "Erika Müller-Lüdenscheidt").doesNotContain("{{", "12 C 345/26");
        }
        assertThatThrownBy(() -> DraftFromTemplate.write(template, Map.of(), template))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("overwrite");
        assertThat(Files.readAllBytes(template)).isEqualTo(before);
    }

    @Test
    void refuses_to_write_over_the_template_before_reading_anything() throws Exception {
        Path template = TestTemplates.letter(dir);
        byte[] before = Files.readAllBytes(template);

        assertThatThrownBy(() -> new DraftFromTemplate(reader).draft(template, List.of(template), template,
                cancelled -> { throw new AssertionError("no model for a refused draft"); }, new DraftFromTemplate.Listener() { }, () -> false))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("overwrite");
        assertThat(Files.readAllBytes(template)).isEqualTo(before);
        assertThat(openAi.server().requests()).isEmpty();
    }

    /** Each field's request gets its answer from {@link #ANSWERS}; a field not there is not found. */
    private void answerEachFieldFromTheScript() {
        openAi.server().answerWith(request -> {
            String user = request.at("/messages/1/content").asText();
            return ANSWERS.entrySet().stream().filter(entry -> user.contains("Feld: " + entry.getKey()))
                    .map(Map.Entry::getValue).findFirst()
                    .or(() -> Optional.of("{\"found\":false,\"value\":\"\",\"n\":1,\"quote\":\"\"}"));
        });
    }

    private RemoteEngine engine() {
        return new RemoteEngine(openAi.client(), RemoteEndpoint.of(openAi.server().baseUri(), MODEL, 4096, 2), ApiKey.none());
    }

    private static DraftFromTemplate.Field field(DraftFromTemplate.Draft draft, String name) {
        return draft.fields().stream().filter(field -> field.name().equals(name)).findFirst().orElseThrow();
    }
}
