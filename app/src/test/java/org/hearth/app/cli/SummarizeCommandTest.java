package org.hearth.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.hearth.fixtures.documents.TestDocx;
import org.hearth.fixtures.documents.TestPdfs;
import org.hearth.fixtures.gguf.TestModels;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ./hearth summarize} end to end in-process: the bounded reader process, the map-reduce
 * summarizer and the real libllama with the tiny random model (so the text is gibberish, but the
 * references, statuses and errors are real).
 */
class SummarizeCommandTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private CliRun summarize(String... files) {
        String[] args = new String[files.length + 8];
        args[0] = "--home";
        args[1] = dir.resolve("home").toString();
        args[2] = "summarize";
        System.arraycopy(files, 0, args, 3, files.length);
        args[files.length + 3] = "--model";
        args[files.length + 4] = TestModels.tinyQwen35(dir).toString();
        args[files.length + 5] = "--threads";
        args[files.length + 6] = "1";
        args[files.length + 7] = "--json";
        return CliRun.of(args);
    }

    @Test
    void everyFileIsReportedAndABadOneDoesNotStopTheOthers() throws Exception {
        Path pdf = TestPdfs.multiPage(dir);
        Path encrypted = TestPdfs.encrypted(dir);
        Path docx = TestDocx.pleading(dir);

        CliRun run = summarize(pdf.toString(), encrypted.toString(), docx.toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode files = JSON.readTree(run.out()).get("files");
        assertThat(files).hasSize(3);

        JsonNode first = files.get(0);
        assertThat(first.get("status").asText()).isEqualTo("ok");
        int pages = first.get("pages").asInt();
        assertThat(pages).isEqualTo(TestPdfs.MULTI_PAGE_LINES.size());
        assertThat(first.get("citations")).isNotEmpty();
        first.get("citations").forEach(c -> assertThat(c.get("page").asInt()).isBetween(1, pages));
        assertThat(first.get("language").asText()).isIn("de", "en");
        assertThat(first.has("warning")).as("an intact file has nothing to warn about").isFalse();

        JsonNode locked = files.get(1);
        assertThat(locked.get("status").asText()).isEqualTo("error");
        assertThat(locked.get("error").asText()).contains(encrypted.getFileName().toString()).containsIgnoringCase("password");

        JsonNode pleading = files.get(2);
        assertThat(pleading.get("status").asText()).isEqualTo("ok");
        pleading.get("citations").forEach(c -> assertThat(c.has("paragraph")).isTrue());
    }

    @Test
    void aTruncatedPdfIsSummarisedWithAWarningWhichPagesAreMissing() throws Exception {
        Path cut = TestPdfs.truncated(dir, "abgebrochen.pdf", 10, 30);

        CliRun run = summarize(cut.toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode entry = JSON.readTree(run.out()).get("files").get(0);
        assertThat(entry.get("status").asText()).isEqualTo("ok");
        assertThat(entry.get("warning").asText()).matches("The file is truncated: pages \\d+–10 could not be read");
    }

    @Test
    void allFilesFailingIsANonZeroExit() throws Exception {
        Path scan = TestPdfs.imageOnly(dir);

        CliRun run = summarize(scan.toString());

        assertThat(run.exitCode()).isEqualTo(1);
        JsonNode entry = JSON.readTree(run.out()).get("files").get(0);
        assertThat(entry.get("status").asText()).isEqualTo("error");
        assertThat(entry.get("error").asText()).contains(scan.getFileName().toString());
    }

    @Test
    void aPasswordOpensTheEncryptedPdf() throws Exception {
        Path encrypted = TestPdfs.encrypted(dir);

        // from the environment: a --password argument would show in every user's process list
        CliRun run = CliProcess.run(dir, Map.of("PDF_PASSWORD", TestPdfs.ENCRYPTED_PASSWORD),
                "--home", dir.resolve("home").toString(), "summarize", encrypted.toString(),
                "--model", TestModels.tinyQwen35(dir).toString(), "--threads", "1",
                "--password-env", "PDF_PASSWORD", "--json", "--out", dir.resolve("summary.md").toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(JSON.readTree(run.out()).get("files").get(0).get("status").asText()).isEqualTo("ok");
        assertThat(Files.readString(dir.resolve("summary.md"))).contains(encrypted.getFileName().toString());
    }
}
