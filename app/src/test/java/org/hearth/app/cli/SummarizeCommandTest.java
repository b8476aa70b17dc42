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

    @Test
    void aSummaryLongerThanMaxMinutesDoesNotStartAndTheJsonNamesTheEstimateAndTheWayOut() throws Exception {
        Path pdf = TestPdfs.longDocument(dir, 40);

        // no speed of the tiny model is measured in this fresh home: the rough default puts 40 pages well above a minute
        CliRun run = summarize(pdf.toString(), "--max-minutes", "1");

        assertThat(run.exitCode()).isEqualTo(1);
        JsonNode entry = JSON.readTree(run.out()).get("files").get(0);
        assertThat(entry.get("status").asText()).isEqualTo("error");
        assertThat(entry.has("summary")).isFalse();
        JsonNode estimate = entry.get("estimate");
        assertThat(estimate.get("minutes").asLong()).isGreaterThan(1);
        assertThat(estimate.get("steps").asInt()).isGreaterThan(1);
        assertThat(estimate.get("rough").asBoolean()).isTrue();
        assertThat(entry.get("error").asText()).contains(pdf.getFileName().toString())
                .contains("about " + estimate.get("minutes").asLong() + " min").contains("more than --max-minutes 1")
                .containsPattern("Summarise the first \\d+ of 40 pages instead \\(about \\d+ min\\) with --max-pages \\d+")
                .contains("--max-minutes " + estimate.get("minutes").asLong());
    }

    @Test
    void maxPagesSummarisesOnlyTheFirstPagesAndSaysSo() throws Exception {
        Path pdf = TestPdfs.longDocument(dir, 40);

        CliRun run = summarize(pdf.toString(), "--max-pages", "2");

        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode entry = JSON.readTree(run.out()).get("files").get(0);
        assertThat(entry.get("status").asText()).isEqualTo("ok");
        assertThat(entry.get("pages").asInt()).isEqualTo(40);
        assertThat(entry.get("firstPages").asInt()).isEqualTo(2);
        assertThat(entry.get("citations")).isNotEmpty().allSatisfy(c -> assertThat(c.get("page").asInt()).isBetween(1, 2));
    }

    @Test
    void inTextModeTheEstimateAndThePageLimitAreSaidOnStderr() throws Exception {
        Path pdf = TestPdfs.longDocument(dir, 40);

        CliRun run = CliRun.of("--home", dir.resolve("home").toString(), "summarize", pdf.toString(), "--max-pages", "2",
                "--model", TestModels.tinyQwen35(dir).toString(), "--threads", "1");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.err()).containsPattern("hearth: akte-40-seiten.pdf: about \\d+ min \\(1 model step, [0-9,]+ tokens to read\\); rough")
                .contains("hearth: akte-40-seiten.pdf: only the first 2 pages (or paragraphs) were summarised (--max-pages)");
        assertThat(run.out()).startsWith("== akte-40-seiten.pdf ==");
    }
}
