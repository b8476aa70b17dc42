package org.hearth.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.hearth.app.HearthPaths;
import org.hearth.app.privacy.EgressLogs;
import org.hearth.assistant.route.egress.EgressEntry;
import org.hearth.fixtures.mail.GreenMailServer;
import org.hearth.fixtures.openai.OpenAiServerExtension;
import org.hearth.fixtures.openai.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * `triage --target` in a child JVM (the network gate installed, as for a user): new mail is fetched from GreenMail,
 * shown anonymised and left pending without --yes; with --yes it is triaged on the firm's server (the loopback server),
 * which never sees the sender's or the client's name, and every request is in the egress log.
 */
class RoutedTriageCommandTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Map<String, String> PASSWORD = Map.of("MAIL_PW", GreenMailServer.PASSWORD);
    private static final String MODEL = "qwen3.5-27b";
    private static final String MAIL = """
            From: Klaus Weber <k.weber@weber-partner.de>
            To: Kanzlei Berg <post@kanzlei-berg.de>
            Subject: Frist in der Sache Yilmaz
            Date: Tue, 2 Dec 2026 09:15:00 +0100
            Message-ID: <frist-1@weber-partner.de>
            Content-Type: text/plain; charset=UTF-8

            Sehr geehrte Damen und Herren,

            die Frist zur Stellungnahme für Herrn Mehmet Yilmaz (Az. 12 O 3456/25) endet am 15. Dezember.
            Bitte überweisen Sie die Gebühr auf DE89 3704 0044 0532 0130 00.

            Mit freundlichen Grüßen
            Klaus Weber
            """.replace("\n", "\r\n");

    @RegisterExtension
    final OpenAiServerExtension openAi = new OpenAiServerExtension(MODEL);

    @TempDir
    Path dir;
    private GreenMailServer server;

    @BeforeEach
    void start() throws Exception {
        server = new GreenMailServer();
        server.deliver(MAIL.getBytes(StandardCharsets.UTF_8));
        CliRun added = CliRun.of("--home", dir.resolve("home").toString(), "targets", "add", "Kanzlei-Server", "--kind", "firm",
                "--url", openAi.server().baseUri().toString(), "--model", MODEL, "--context", "8192");
        assertThat(added.exitCode()).as(added.err()).isZero();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private CliRun triage(String... extra) throws Exception {
        List<String> args = new java.util.ArrayList<>(List.of("--target", "Kanzlei-Server"));
        args.addAll(List.of(extra));
        return CliProcess.run(dir, PASSWORD, TriageCommandTest.triage(dir, server, args.toArray(String[]::new)));
    }

    @Test
    void newMailIsShownAnonymisedAndSentOnlyWithYes() throws Exception {
        CliRun preview = triage();

        assertThat(preview.exitCode()).as(preview.err()).isZero();
        JsonNode shown = JSON.readTree(preview.out());
        assertThat(shown.get("sent").asBoolean()).isFalse();
        assertThat(shown.get("outgoing").asText()).contains("Frist").doesNotContain("Weber", "Yilmaz", "3456/25", "DE89");
        assertThat(openAi.server().requests()).isEmpty();

        CliRun sent = triage("--yes");

        assertThat(sent.exitCode()).as(sent.err()).isZero();
        assertThat(JSON.readTree(sent.out()).get("messages")).singleElement()
                .satisfies(message -> assertThat(message.get("status").asText()).isEqualTo("ok"));
        List<RecordedRequest> received = openAi.server().requests();
        assertThat(received).isNotEmpty().allSatisfy(request ->
                assertThat(request.json().toString()).doesNotContain("Weber", "Yilmaz", "3456/25", "DE89", "0532"));
        List<EgressEntry> entries = EgressLogs.in(HearthPaths.resolve(dir.resolve("home"))).entries();
        assertThat(entries).hasSize(received.size()).allSatisfy(entry -> {
            assertThat(entry.jobClass()).isEqualTo("triage");
            assertThat(entry.confirmation()).isEqualTo("cli --yes");
        });
    }
}
