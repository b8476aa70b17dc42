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

/**
 * `summarize --target`: without --yes it shows what would leave and sends nothing; with --yes the firm's server
 * (the loopback server) gets only anonymised text, and every request is in the egress log by its body's hash.
 */
class RoutedSummaryCommandTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String MODEL = "qwen3.5-27b";

    @RegisterExtension
    final OpenAiServerExtension openAi = new OpenAiServerExtension(MODEL);

    @TempDir
    Path dir;

    private Path home;
    private SensitiveDocument letter;
    private Path file;

    @BeforeEach
    void addTheFirmServer() throws Exception {
        home = dir.resolve("home");
        letter = new SensitiveDocuments(23L).generate(1).getFirst();
        file = Files.writeString(dir.resolve("brief.txt"), letter.text());
        CliRun added = hearth("targets", "add", "Kanzlei-Server", "--kind", "firm", "--url", openAi.server().baseUri().toString(),
                "--model", MODEL, "--context", "4096");
        assertThat(added.exitCode()).as(added.err()).isZero();
    }

    private CliRun hearth(String... args) {
        return CliRun.in(home, args);
    }

    @Test
    void withoutYesThePreviewShowsTheAnonymisedTextAndNothingIsSent() throws Exception {
        CliRun preview = hearth("summarize", "--target", "Kanzlei-Server", "--json", file.toString());

        assertThat(preview.exitCode()).as(preview.err()).isZero();
        JsonNode root = JSON.readTree(preview.out());
        assertThat(root.get("sent").asBoolean()).isFalse();
        JsonNode entry = root.get("files").get(0);
        assertThat(entry.get("route").asText()).contains("goes to: Kanzlei-Server, anonymised");
        assertThat(letter.valuesIn(entry.get("outgoing").asText())).isEmpty();
        assertThat(openAi.server().requests()).isEmpty();
        assertThat(EgressLogs.in(HearthPaths.resolve(home)).entries()).isEmpty();
    }

    @Test
    void withYesOnlyAnonymisedTextLeavesAndEveryRequestIsLogged() throws Exception {
        CliRun run = hearth("summarize", "--target", "Kanzlei-Server", "--yes", "--json", file.toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(JSON.readTree(run.out()).get("files").get(0).get("status").asText()).isEqualTo("ok");
        List<RecordedRequest> received = openAi.server().requests();
        assertThat(received).isNotEmpty();
        received.forEach(request -> assertThat(letter.valuesIn(request.json().toString())).isEmpty());
        List<EgressEntry> entries = EgressLogs.in(HearthPaths.resolve(home)).entries();
        assertThat(entries).hasSize(received.size());
        for (int i = 0; i < entries.size(); i++) {
            assertThat(entries.get(i).bodySha256()).isEqualTo(HexFormat.of().formatHex(
                    MessageDigest.getInstance("SHA-256").digest(received.get(i).body())));
            assertThat(entries.get(i).confirmation()).isEqualTo("cli --yes");
        }
        CliRun verified = hearth("audit", "verify", "--json");
        assertThat(JSON.readTree(verified.out()).get("intact").asBoolean()).isTrue();
    }

    @Test
    void aPolicyThatAllowsSummariesToLeaveStillShowsThePreviewFirst() throws Exception {
        CliRun allowed = hearth("policy", "set", "summary", "Kanzlei-Server");
        CliRun shown = hearth("policy", "show", "--json");
        CliRun run = hearth("summarize", "--json", file.toString());

        assertThat(allowed.exitCode()).as(allowed.err()).isZero();
        assertThat(JSON.readTree(shown.out()).get("summary")).singleElement().extracting(JsonNode::asText).isEqualTo("Kanzlei-Server");
        assertThat(JSON.readTree(shown.out()).get("triage")).isEmpty();
        assertThat(JSON.readTree(run.out()).get("sent").asBoolean()).isFalse();
        assertThat(openAi.server().requests()).isEmpty();
    }

    @Test
    void aPolicyWithoutAskingSendsWithoutPreviewAndTheLogNamesThePolicyAsConsent() throws Exception {
        CliRun allowed = hearth("policy", "set", "summary", "Kanzlei-Server", "--without-asking");
        CliRun shown = hearth("policy", "show", "--json");
        CliRun run = hearth("summarize", "--json", file.toString());

        assertThat(allowed.exitCode()).as(allowed.err()).isZero();
        assertThat(JSON.readTree(shown.out()).get("withoutAsking")).singleElement().extracting(JsonNode::asText).isEqualTo("summary");
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(JSON.readTree(run.out()).get("files").get(0).get("status").asText()).isEqualTo("ok");
        List<RecordedRequest> received = openAi.server().requests();
        assertThat(received).isNotEmpty();
        received.forEach(request -> assertThat(letter.valuesIn(request.json().toString())).isEmpty());
        assertThat(EgressLogs.in(HearthPaths.resolve(home)).entries()).hasSize(received.size())
                .allSatisfy(entry -> assertThat(entry.confirmation()).isEqualTo("policy"));
    }

    @Test
    void withKeepTextOnTheLogHoldsExactlyTheAnonymisedBodiesThatWereSent() throws Exception {
        CliRun keep = hearth("audit", "keep-text", "on", "--json");
        CliRun run = hearth("summarize", "--target", "Kanzlei-Server", "--yes", "--json", file.toString());
        hearth("audit", "keep-text", "off");
        CliRun afterwards = hearth("summarize", "--target", "Kanzlei-Server", "--yes", "--json", file.toString());

        assertThat(JSON.readTree(keep.out()).get("keepText").asBoolean()).isTrue();
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(afterwards.exitCode()).as(afterwards.err()).isZero();
        List<RecordedRequest> received = openAi.server().requests();
        List<EgressEntry> entries = EgressLogs.in(HearthPaths.resolve(home)).entries();
        assertThat(entries).hasSize(received.size());
        int kept = received.size() / 2;
        for (int i = 0; i < entries.size(); i++) {
            if (i < kept) {
                String text = entries.get(i).text().orElseThrow();
                assertThat(text).isEqualTo(new String(received.get(i).body(), java.nio.charset.StandardCharsets.UTF_8));
                assertThat(letter.valuesIn(text)).isEmpty();
            } else {
                assertThat(entries.get(i).text()).as("after keep-text off").isEmpty();
            }
        }
        assertThat(JSON.readTree(hearth("audit", "verify", "--json").out()).get("intact").asBoolean()).isTrue();
    }

    @Test
    void aServerNamedForOneRunAsksEvenWhereThePolicyWouldNot() throws Exception {
        hearth("policy", "set", "summary", "Kanzlei-Server", "--without-asking");
        CliRun run = hearth("summarize", "--target", "Kanzlei-Server", "--json", file.toString());

        assertThat(JSON.readTree(run.out()).get("sent").asBoolean()).isFalse();
        assertThat(openAi.server().requests()).isEmpty();
    }

    @Test
    void keepingAJobLocalWithoutAskingIsRefusedAndSettingItLocalEndsTheWithoutAsking() throws Exception {
        CliRun refused = hearth("policy", "set", "summary", "local", "--without-asking");
        hearth("policy", "set", "summary", "Kanzlei-Server", "--without-asking");
        hearth("policy", "set", "summary", "local");
        hearth("policy", "set", "summary", "Kanzlei-Server");
        CliRun shown = hearth("policy", "show", "--json");

        assertThat(refused.exitCode()).isNotZero();
        assertThat(refused.err()).contains("name a server to send to without asking");
        assertThat(JSON.readTree(shown.out()).get("withoutAsking")).isEmpty();
    }

    @Test
    void yesWithoutAnyAllowedServerIsRefusedBeforeAnythingRuns() {
        CliRun run = hearth("summarize", "--yes", "--json", file.toString());

        assertThat(run.exitCode()).isNotZero();
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).contains("no server is named");
        assertThat(openAi.server().requests()).isEmpty();
    }
}
