package org.hearth.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import org.hearth.app.HearthPaths;
import org.hearth.app.privacy.EgressLogs;
import org.hearth.assistant.route.egress.EgressEntry;
import org.hearth.fixtures.anonymise.SensitiveDocument;
import org.hearth.fixtures.anonymise.SensitiveDocuments;
import org.hearth.fixtures.openai.OpenAiServerExtension;
import org.hearth.fixtures.openai.RecordedRequest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** `ask --target`: the question and its passages leave only anonymised, only with --yes, and every request is logged. */
class RoutedAskCommandTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String MODEL = "qwen3.5-27b";
    private static final String QUESTION = "Bis wann ist der Betrag auf das Konto zu überweisen?";

    @RegisterExtension
    final OpenAiServerExtension openAi = new OpenAiServerExtension(MODEL);

    @TempDir
    Path dir;

    private SensitiveDocument letter;

    @BeforeEach
    void indexALetterAndAddTheFirmServer() throws Exception {
        letter = new SensitiveDocuments(31L).generate(1).getFirst();
        Path folder = Files.createDirectories(dir.resolve("Akte"));
        Files.writeString(folder.resolve("brief.txt"), letter.text());
        assertThat(hearth("index", folder.toString(), "--json").exitCode()).isZero();
        CliRun added = hearth("targets", "add", "Kanzlei-Server", "--kind", "firm", "--url", openAi.server().baseUri().toString(),
                "--model", MODEL, "--context", "8192");
        assertThat(added.exitCode()).as(added.err()).isZero();
    }

    private CliRun hearth(String... args) {
        return CliRun.in(dir.resolve("home"), args);
    }

    @Test
    void withoutYesThePreviewShowsTheAnonymisedQuestionAndPassagesAndNothingIsSent() throws Exception {
        CliRun preview = hearth("ask", QUESTION, "--target", "Kanzlei-Server", "--json");

        assertThat(preview.exitCode()).as(preview.err()).isZero();
        JsonNode root = JSON.readTree(preview.out());
        assertThat(root.get("sent").asBoolean()).isFalse();
        assertThat(root.get("route").asText()).contains("goes to: Kanzlei-Server, anonymised");
        assertThat(root.get("outgoing").asText()).startsWith(QUESTION).contains("[1] brief.txt");
        assertThat(letter.valuesIn(root.get("outgoing").asText())).isEmpty();
        assertThat(openAi.server().requests()).isEmpty();
    }

    @Test
    void withYesOnlyAnonymisedTextLeavesAndEveryRequestIsLogged() throws Exception {
        CliRun run = hearth("ask", QUESTION, "--target", "Kanzlei-Server", "--yes", "--json");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(JSON.readTree(run.out()).has("answer")).isTrue();
        List<RecordedRequest> received = openAi.server().requests();
        assertThat(received).isNotEmpty();
        received.forEach(request -> assertThat(letter.valuesIn(request.json().toString())).isEmpty());
        List<EgressEntry> entries = EgressLogs.in(HearthPaths.resolve(dir.resolve("home"))).entries();
        assertThat(entries).hasSize(received.size()).allSatisfy(entry -> assertThat(entry.jobClass()).isEqualTo("answer"));
        for (int i = 0; i < entries.size(); i++) {
            assertThat(entries.get(i).bodySha256()).isEqualTo(HexFormat.of().formatHex(
                    MessageDigest.getInstance("SHA-256").digest(received.get(i).body())));
        }
    }
}
