package org.hearth.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.hearth.app.HearthPaths;
import org.hearth.app.drafting.ServerReadingPlaceholders;
import org.hearth.app.privacy.EgressLogs;
import org.hearth.assistant.route.egress.EgressEntry;
import org.hearth.fixtures.documents.TestTemplates;
import org.hearth.fixtures.openai.OpenAiServerExtension;
import org.hearth.fixtures.openai.RecordedRequest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * `draft --target`: without --yes the sources are shown as they would leave, anonymised, and nothing is sent or
 * written; with --yes the firm's server (the loopback server) fills the fields from anonymised passages only, its
 * answers come back with the real names, each quote is still checked against the real source, and every request is
 * in the egress log.
 */
class RoutedDraftCommandTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String MODEL = "qwen3.5-27b";
    private static final String CLIENT = ServerReadingPlaceholders.CLIENT;
    private static final String OPPONENT = ServerReadingPlaceholders.OPPONENT;
    private static final String CASE = ServerReadingPlaceholders.CASE;

    @RegisterExtension
    final OpenAiServerExtension openAi = new OpenAiServerExtension(MODEL);

    @TempDir
    Path dir;

    private Path home;
    private Path template;
    private Path source;
    private Path out;

    @BeforeEach
    void addTheFirmServer() throws Exception {
        home = dir.resolve("home");
        template = TestTemplates.letter(dir);
        source = Files.writeString(dir.resolve("Klage.txt"), ServerReadingPlaceholders.FACTS);
        out = dir.resolve("Entwurf.docx");
        CliRun added = CliRun.in(home, "targets", "add", "Kanzlei-Server", "--kind", "firm", "--url", openAi.server().baseUri().toString(),
                "--model", MODEL, "--context", "4096");
        assertThat(added.exitCode()).as(added.err()).isZero();
        ServerReadingPlaceholders.answerTheClientField(openAi.server());
    }

    private CliRun draft(String... more) {
        List<String> args = new ArrayList<>(List.of("draft", "--template", template.toString(), "--from", source.toString(),
                "--out", out.toString(), "--target", "Kanzlei-Server", "--json"));
        args.addAll(List.of(more));
        return CliRun.in(home, args.toArray(String[]::new));
    }

    @Test
    void withoutYesTheSourcesAreShownAnonymisedAndNothingIsSentOrWritten() throws Exception {
        CliRun preview = draft();

        assertThat(preview.exitCode()).as(preview.err()).isZero();
        JsonNode root = JSON.readTree(preview.out());
        assertThat(root.get("sent").asBoolean()).isFalse();
        assertThat(root.get("route").asText()).contains("goes to: Kanzlei-Server, anonymised");
        assertThat(root.get("outgoing").asText()).contains("[1] Klage.txt").doesNotContain(CLIENT, OPPONENT, CASE);
        assertThat(openAi.server().requests()).isEmpty();
        assertThat(out).doesNotExist();
    }

    @Test
    void withYesOnlyAnonymisedPassagesLeaveAndTheAnswerComesBackVerifiedWithTheRealName() throws Exception {
        CliRun run = draft("--yes");

        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode client = null;
        for (JsonNode field : JSON.readTree(run.out()).get("fields")) {
            if (field.get("name").asText().equals(TestTemplates.CLIENT)) {
                client = field;
            }
        }
        assertThat(client).isNotNull();
        assertThat(client.get("status").asText()).isEqualTo("filled");
        assertThat(client.get("value").asText()).isEqualTo(CLIENT);
        assertThat(client.get("source").get("quote").asText()).contains(CLIENT, OPPONENT);
        assertThat(client.get("source").get("verified").asBoolean()).isTrue();
        List<RecordedRequest> received = openAi.server().requests();
        assertThat(received).isNotEmpty().allSatisfy(request -> assertThat(request.json().toString()).doesNotContain(CLIENT, OPPONENT, CASE));
        List<EgressEntry> entries = EgressLogs.in(HearthPaths.resolve(home)).entries();
        assertThat(entries).hasSize(received.size());
        for (int i = 0; i < entries.size(); i++) {
            assertThat(entries.get(i).jobClass()).isEqualTo("draft");
            assertThat(entries.get(i).confirmation()).isEqualTo("cli --yes");
            assertThat(entries.get(i).bodySha256()).isEqualTo(HexFormat.of().formatHex(
                    MessageDigest.getInstance("SHA-256").digest(received.get(i).body())));
        }
        assertThat(out).exists();
    }
}
