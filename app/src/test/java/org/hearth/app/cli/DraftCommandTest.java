package org.hearth.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.poi.xwpf.extractor.XWPFWordExtractor;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.hearth.app.drafting.DraftStore;
import org.hearth.app.state.LocalState;
import org.hearth.fixtures.documents.TestTemplates;
import org.hearth.ingest.template.DocxTemplate;
import org.hearth.fixtures.gguf.TestModels;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ./hearth draft} in-process with the bounded reader and the real libllama on the tiny random model: its
 * answers are junk, so a source that does not hold the answers must leave every field unsupported or empty.
 */
class DraftCommandTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private CliRun draft(Path template, Path source, Path out) {
        return CliRun.of("--home", dir.resolve("home").toString(), "draft", "--template", template.toString(),
                "--from", source.toString(), "--out", out.toString(),
                "--model", TestModels.tinyQwen35(dir).toString(), "--threads", "1", "--json");
    }

    @Test
    void junk_answers_from_an_unrelated_source_fill_nothing_and_the_document_shows_no_placeholder() throws Exception {
        Path template = TestTemplates.letter(dir);
        Path weather = Files.writeString(dir.resolve("Wetter.txt"), "Heute regnet es in Köln.\n\nMorgen scheint die Sonne über dem Rhein.\n");
        Path out = dir.resolve("Entwurf.docx");

        CliRun run = draft(template, weather, out);

        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode root = JSON.readTree(run.out());
        assertThat(root.get("template").asText()).isEqualTo(template.toString());
        assertThat(root.get("out").asText()).isEqualTo(out.toString());
        int fields = DocxTemplate.fields(template).size();
        assertThat(root.get("fields")).hasSize(fields).allSatisfy(field -> {
            assertThat(field.get("status").asText()).isIn("unsupported", "empty");
            assertThat(field.get("source").isNull() || !field.get("source").get("verified").asBoolean()).isTrue();
        });
        try (DraftStore store = new DraftStore(LocalState.open(dir.resolve("home").resolve("hearth.db")))) {
            assertThat(store.all()).singleElement().satisfies(entry -> {
                assertThat(entry.id()).isEqualTo(root.get("id").asLong());
                assertThat(entry.draft().out()).isEqualTo(out);
                assertThat(entry.draft().fields()).hasSize(fields);
            });
        }
        try (InputStream in = Files.newInputStream(out); XWPFDocument filled = new XWPFDocument(in);
             XWPFWordExtractor text = new XWPFWordExtractor(filled)) {
            assertThat(text.getText()).doesNotContain("{{", "}}").contains(TestTemplates.SALUTATION.strip());
        }
    }

    @Test
    void the_template_as_output_is_refused_with_one_line_and_nothing_on_stdout() throws Exception {
        Path template = TestTemplates.letter(dir);
        byte[] before = Files.readAllBytes(template);

        CliRun run = draft(template, template, template);

        assertThat(run.exitCode()).isNotZero();
        assertThat(run.out()).isEmpty();
        assertThat(run.err().strip()).startsWith("hearth: ").contains("overwrite").doesNotContain("\n");
        assertThat(Files.readAllBytes(template)).isEqualTo(before);
    }

    @Test
    void a_template_that_is_no_word_file_is_named_in_the_error() throws Exception {
        Path fake = Files.writeString(dir.resolve("Vorlage.docx"), "not a zip");
        Path source = Files.writeString(dir.resolve("a.txt"), "Text.");

        CliRun run = draft(fake, source, dir.resolve("out.docx"));

        assertThat(run.exitCode()).isNotZero();
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).contains("Vorlage.docx").contains("damaged");
        assertThat(dir.resolve("out.docx")).doesNotExist();
    }
}
