package org.hearth.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.hearth.fixtures.documents.TestDocx;
import org.hearth.fixtures.documents.TestPdfs;
import org.hearth.fixtures.gguf.TestModels;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code hearth index | search | ask} in-process: the bounded reader, the Lucene index in the home folder, the
 * tiny embedding model for hybrid search and the tiny chat model for answers (gibberish text, real mechanics).
 */
class SearchCommandsTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String CONTRACT = "Die Kündigungsfrist für den Mietvertrag mit der Müller GmbH beträgt drei Monate "
            + "zum Ende eines Kalendervierteljahres. Die Kündigung bedarf der Schriftform.";

    @TempDir
    Path dir;
    private Path folder;

    @BeforeEach
    void files() throws Exception {
        folder = Files.createDirectories(dir.resolve("Akten"));
        Files.writeString(folder.resolve("mueller-vertrag.txt"), CONTRACT);
        Files.writeString(folder.resolve("notice.md"), "# Lease\n\nThe notice period agreed with Smith Ltd is six weeks.");
        TestPdfs.multiPage(folder);
        TestDocx.pleading(folder);
        Files.write(folder.resolve("kaputt.pdf"), "%PDF-1.7\nnot really a pdf".getBytes());
    }

    private CliRun hearth(String... args) {
        return CliRun.in(dir.resolve("home"), args);
    }

    @Test
    void indexesAFolderReportsTheBadFileAndFindsGermanPluralsWithTheirPlace() throws Exception {
        CliRun indexed = hearth("index", folder.toString(), "--collection", "Müller", "--json");
        assertThat(indexed.exitCode()).as(indexed.err()).isZero();
        JsonNode report = JSON.readTree(indexed.out());
        assertThat(report.get("indexed").asInt()).isEqualTo(4);
        assertThat(report.get("hybrid").asBoolean()).isFalse();
        assertThat(report.get("errors")).singleElement().satisfies(e -> {
            assertThat(e.get("file").asText()).endsWith("kaputt.pdf");
            assertThat(e.get("error").asText()).isNotBlank();
        });

        JsonNode hits = JSON.readTree(hearth("search", "Kündigungsfristen", "--json").out()).get("hits");
        assertThat(hits).anySatisfy(hit -> {
            assertThat(hit.get("file").asText()).endsWith("mueller-vertrag.txt");
            assertThat(hit.get("snippet").asText()).contains("Kündigungsfrist");
            assertThat(hit.get("score").asDouble()).isPositive();
        });
        assertThat(hits).noneSatisfy(hit -> assertThat(hit.get("file").asText()).endsWith("notice.md"));

        CliRun again = hearth("index", folder.toString(), "--collection", "Müller", "--json");
        assertThat(JSON.readTree(again.out()).get("skipped").asInt()).as("unchanged files are not read again").isEqualTo(4);
    }

    @Test
    void aFileWithMoreTextThanOneDocumentMayHaveIsIndexedUpToTheLimitAndSaysWhere() throws Exception {
        // 130 pages of 99,000 characters from one shared content stream: 12.9 million characters, a few kilobytes of file
        Path hostile = TestPdfs.repeatedContent(Files.createDirectories(dir.resolve("Anlagen")), "wiederholt.pdf", 130, 1000);

        CliRun indexed = hearth("index", hostile.getParent().toString(), "--json");

        assertThat(indexed.exitCode()).as(indexed.err()).isZero();
        JsonNode report = JSON.readTree(indexed.out());
        assertThat(report.get("indexed").asInt()).isEqualTo(1);
        assertThat(report.get("errors")).isEmpty();
        assertThat(report.get("partlyRead")).singleElement().satisfies(partly -> {
            assertThat(partly.get("file").asText()).isEqualTo(hostile.toString());
            assertThat(partly.get("unit").asText()).isEqualTo("page");
            assertThat(partly.get("lastRead").asInt()).isBetween(100, 129);
            assertThat(partly.get("total").asInt()).isEqualTo(130);
            assertThat(partly.get("maxCharacters").asInt()).isEqualTo(12_000_000);
            assertThat(partly.get("note").asText()).isEqualTo("Only the text up to page " + partly.get("lastRead").asInt()
                    + " of 130 was read: the rest was left out because Hearth takes at most 12,000,000 characters from one document");
        });
    }

    @Test
    void anUnknownCollectionIsAOneLineErrorNotNothingFound() throws Exception {
        hearth("index", folder.toString(), "--collection", "Müller", "--json");

        CliRun searched = hearth("search", "Kündigungsfristen", "--collection", "Mueller");

        assertThat(searched.exitCode()).isNotZero();
        assertThat(searched.out()).doesNotContain("Nothing found.");
        assertThat(searched.err().strip()).isEqualTo("hearth: There is no collection \"Mueller\"");
    }

    @Test
    void aPdfHitNamesItsPageAndADocxHitItsParagraph() throws Exception {
        hearth("index", folder.toString(), "--json");
        for (JsonNode hit : JSON.readTree(hearth("search", TestPdfs.MULTI_PAGE_LINES.get(2).get(0), "--top", "20", "--json").out()).get("hits")) {
            if (hit.get("file").asText().endsWith(".pdf")) {
                assertThat(hit.get("page").asInt()).isBetween(1, TestPdfs.MULTI_PAGE_LINES.size());
            }
            if (hit.get("file").asText().endsWith(".docx")) {
                assertThat(hit.get("paragraph").asInt()).isPositive();
            }
        }
    }

    @Test
    void anOffTopicQuestionIsRefusedWithoutAnAnswer() throws Exception {
        hearth("index", folder.toString(), "--json");
        CliRun asked = hearth("ask", "Wie wird das Wetter morgen in Hamburg?", "--model", TestModels.tinyQwen35(dir).toString(),
                "--threads", "1", "--json");
        assertThat(asked.exitCode()).as(asked.err()).isZero();
        JsonNode answer = JSON.readTree(asked.out());
        assertThat(answer.get("refused").asBoolean()).isTrue();
        assertThat(answer.get("citations")).isEmpty();
        assertThat(answer.get("answer").asText()).isNotBlank();
    }

    @Test
    void aRelevantQuestionIsAnsweredFromNumberedSourcesWithEveryQuoteChecked() throws Exception {
        Path embedding = TestModels.tinyEmbedding(dir);
        CliRun indexed = hearth("index", folder.toString(), "--embedding-model", embedding.toString(), "--threads", "1", "--json");
        assertThat(JSON.readTree(indexed.out()).get("hybrid").asBoolean()).isTrue();
        // the tiny embedding model takes part in the ranking: words in no file still find passages by vector
        JsonNode byVector = JSON.readTree(hearth("search", "Wetterbericht Nordsee", "--embedding-model", embedding.toString(), "--json").out());
        assertThat(byVector.get("hybrid").asBoolean()).isTrue();
        assertThat(byVector.get("hits")).isNotEmpty();
        JsonNode byWords = JSON.readTree(hearth("search", "Wetterbericht Nordsee", "--json").out());
        assertThat(byWords.get("hybrid").asBoolean()).isFalse();
        assertThat(byWords.get("hits")).isEmpty();

        CliRun asked = hearth("ask", "Welche Kündigungsfrist gilt für den Mietvertrag mit der Müller GmbH?",
                "--model", TestModels.tinyQwen35(dir).toString(), "--embedding-model", embedding.toString(),
                "--threads", "1", "--json");

        assertThat(asked.exitCode()).as(asked.err()).isZero();
        JsonNode answer = JSON.readTree(asked.out());
        assertThat(answer.has("refused")).isTrue();
        assertThat(answer.get("answer").isTextual()).isTrue();
        for (JsonNode citation : answer.get("citations")) {
            assertThat(citation.get("n").asInt()).isPositive();
            assertThat(Path.of(citation.get("file").asText())).startsWith(folder);
            assertThat(citation.get("verified").isBoolean()).isTrue();
            // a random model's quote is checked, not trusted: it is verified only if it is really in the file
            if (citation.get("verified").asBoolean()) {
                assertThat(Files.readString(Path.of(citation.get("file").asText())).replaceAll("\\s+", " "))
                        .contains(citation.get("quote").asText().replaceAll("\\s+", " ").strip());
            }
        }
    }
}
