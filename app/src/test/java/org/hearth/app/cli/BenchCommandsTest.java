package org.hearth.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.hearth.fixtures.documents.ScannedLetters;
import org.hearth.fixtures.documents.TestPdfs;
import org.hearth.fixtures.gguf.TestModels;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The benchmarks behind BENCHMARKS.md, run small against the real parts (libllama with the tiny
 * model, the bounded reader): each must do the work it reports and report it consistently.
 * Speed itself is never asserted here.
 */
class BenchCommandsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private JsonNode run(String... args) throws Exception {
        CliRun run = CliRun.of(args);
        assertThat(run.exitCode()).as(run.err()).isZero();
        return JSON.readTree(run.out());
    }

    @Test
    void runtimeReportsPromptAndGenerationSpeedForTheRequestedWork() throws Exception {
        JsonNode report = run("bench", "runtime", "--model", TestModels.tinyQwen35(dir).toString(), "--threads", "1",
                "--prompt-tokens", "32", "--gen-tokens", "8", "--repetitions", "2", "--json");

        assertThat(report.get("prompt_tokens").asInt()).isEqualTo(32);
        assertThat(report.get("generated_tokens").asInt()).isEqualTo(8);
        assertThat(report.get("pp_tokens_per_second").asDouble()).isPositive();
        assertThat(report.get("tg_tokens_per_second").asDouble()).isPositive();
        assertThat(report.get("parameters").asLong()).isPositive();
    }

    @Test
    void ocrReportsEachFoldersErrorRateAgainstTheSourceTexts() throws Exception {
        Path scans = dir.resolve("scans");
        ScannedLetters.png(scans.resolve("clean/brief.png"), ScannedLetters.page(ScannedLetters.GERMAN, ScannedLetters.Quality.CLEAN, 0, 1));
        Files.writeString(scans.resolve("clean/brief.txt"), ScannedLetters.text(ScannedLetters.GERMAN));
        // a page whose "source" is another letter: almost every character differs
        ScannedLetters.png(scans.resolve("wrong/brief.png"), ScannedLetters.page(ScannedLetters.ENGLISH, ScannedLetters.Quality.CLEAN, 0, 2));
        Files.writeString(scans.resolve("wrong/brief.txt"), ScannedLetters.text(ScannedLetters.GERMAN));
        Files.writeString(scans.resolve("wrong/no-reference.png"), "not read: no .txt beside it");

        JsonNode report = run("bench", "ocr", scans.toString(), "--json");

        JsonNode groups = report.get("groups");
        assertThat(groups).extracting(group -> group.get("name").asText()).containsExactly("clean", "wrong");
        assertThat(groups.get(0).get("pages").asInt()).isEqualTo(1);
        assertThat(groups.get(0).get("reference_characters").asInt()).isEqualTo(ScannedLetters.text(ScannedLetters.GERMAN).length());
        assertThat(groups.get(0).get("character_error_rate").asDouble()).isLessThan(0.02);
        assertThat(groups.get(1).get("character_error_rate").asDouble()).isGreaterThan(0.5);
        assertThat(groups.get(0).get("pages_per_minute").asDouble()).isPositive();
    }

    @Test
    void triageRunsBothModesOverEveryMail() throws Exception {
        JsonNode report = run("bench", "triage", "--model", TestModels.tinyQwen35(dir).toString(), "--threads", "1",
                "--messages", "3", "--sequences", "2", "--answer-tokens", "16", "--json");

        assertThat(report.get("naive").get("mails").asInt()).isEqualTo(3);
        assertThat(report.get("reuse_batched").get("mails").asInt()).isEqualTo(3);
        assertThat(report.get("ratio").asDouble()).isPositive();
    }

    @Test
    void draftFillsEveryFieldAndItsSharesAddUpWithTheInstructions() throws Exception {
        JsonNode report = run("bench", "draft", "--model", TestModels.tinyQwen35(dir).toString(), "--threads", "1",
                "--fields", "4", "--pages", "5", "--sequences", "2", "--context", "2048", "--answer-tokens", "8", "--json");

        JsonNode fields = report.get("per_field");
        assertThat(fields).hasSize(4).allSatisfy(field -> {
            assertThat(field.get("prompt_tokens_decoded").asLong()).isPositive();
            assertThat(field.get("generated_tokens").asLong()).isBetween(1L, 8L);
            assertThat(field.get("status").asText()).isIn("unsupported", "empty");
        });
        long fieldTokens = 0;
        double shares = 0;
        for (JsonNode field : fields) {
            fieldTokens += field.get("prompt_tokens_decoded").asLong() + field.get("generated_tokens").asLong();
            shares += field.get("share").asDouble();
        }
        long shared = report.get("shared_decoded_tokens").asLong();
        assertThat(shared).as("the instructions, decoded once").isPositive();
        assertThat(fieldTokens + shared).isEqualTo(report.get("decoded_tokens").asLong());
        assertThat(shares + (double) shared / report.get("decoded_tokens").asLong()).isCloseTo(1.0, Offset.offset(1e-9));
        assertThat(report.get("seconds").asDouble()).isPositive();
    }

    @Test
    void ingestCountsEveryPageOfTheFolder() throws Exception {
        Path corpus = Files.createDirectories(dir.resolve("corpus"));
        TestPdfs.multiPage(corpus);
        TestPdfs.longDocument(corpus, 20);

        JsonNode report = run("bench", "ingest", corpus.toString(), "--workers", "1", "--warmup", "0", "--repetitions", "1", "--json");

        assertThat(report.get("files").asInt()).isEqualTo(2);
        assertThat(report.get("pages").asLong()).isEqualTo(TestPdfs.MULTI_PAGE_LINES.size() + 20);
        assertThat(report.get("pages_per_second").asDouble()).isPositive();
    }

    @Test
    void ingestOfAFolderWithoutDocumentsSaysSo() throws Exception {
        CliRun run = CliRun.of("bench", "ingest", Files.createDirectories(dir.resolve("empty")).toString());

        assertThat(run.exitCode()).isNotZero();
        assertThat(run.err()).contains("no PDF or DOCX files");
    }

    @Test
    void searchTimesBothModesOverTheGeneratedIndexAndTheQueryEmbeddingApart() throws Exception {
        JsonNode report = run("bench", "search", "--chunks", "300", "--dimension", "64", "--queries", "20",
                "--embedding-model", TestModels.tinyEmbedding(dir).toString(), "--threads", "1", "--json");

        assertThat(report.get("chunks").asInt()).isEqualTo(300);
        assertThat(report.get("chunks_per_second").asDouble()).isPositive();
        assertThat(report.get("bm25_p99_ms").asDouble()).isGreaterThanOrEqualTo(report.get("bm25_p50_ms").asDouble()).isPositive();
        assertThat(report.get("hybrid_p99_ms").asDouble()).isGreaterThanOrEqualTo(report.get("hybrid_p50_ms").asDouble()).isPositive();
        assertThat(report.get("query_embedding_p50_ms").asDouble()).isPositive();
        assertThat(report.get("query_embedding_tokens").asDouble()).isPositive();
    }

    @Test
    void startupTimesTheRealWindowFromItsProcessStartToItsFirstFrameAndReadsItsIdleMemory() throws Exception {
        List<String> args = new ArrayList<>(List.of("bench", "startup", "--repetitions", "2", "--warmup", "0", "--idle-seconds", "0",
                "--json", "--"));
        args.addAll(CliProcess.hearth(System.getProperty("java.class.path")));

        JsonNode report = run(args.toArray(String[]::new));

        assertThat(report.get("runs").asInt()).isEqualTo(2);
        assertThat(report.get("first_frame_ms_each")).hasSize(2).allSatisfy(each -> assertThat(each.asLong()).isPositive());
        JsonNode frame = report.get("first_frame_ms");
        assertThat(frame.get("min").asLong()).isPositive().isLessThanOrEqualTo(frame.get("median").asLong());
        assertThat(frame.get("max").asLong()).isGreaterThanOrEqualTo(frame.get("median").asLong());
        // a JVM with a JavaFX window on screen occupies tens of megabytes at the very least
        assertThat(report.get("idle_rss_bytes").get("median").asLong()).isGreaterThan(30L << 20);
    }

    @Test
    void startupOfACommandThatEndsWithoutAWindowSaysSoWithItsOutput() throws Exception {
        CliRun run = CliRun.of("bench", "startup", "--repetitions", "1", "--warmup", "0", "--", "sh", "-c", "echo no display here; exit 3");

        assertThat(run.exitCode()).isNotZero();
        assertThat(run.err()).contains("ended (exit code 3) without reporting its start").contains("no display here");
    }
}
