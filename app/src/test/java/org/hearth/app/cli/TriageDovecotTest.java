package org.hearth.app.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.Map;
import java.util.SortedMap;
import org.hearth.assistant.grammar.JsonSchemaValidator;
import org.hearth.assistant.task.triage.TriageSchema;
import org.hearth.fixtures.gguf.TestModels;
import org.hearth.fixtures.mail.DovecotServer;
import org.hearth.fixtures.mail.MixedMailbox;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.junit.jupiter.api.io.TempDir;

/**
 * The end-to-end check: {@code hearth triage --json} in its own JVM against a real Dovecot over IMAPS (a
 * self-signed certificate the test makes and trusts explicitly), over a mailbox of every MIME shape a law firm
 * receives plus one broken message, with the tiny random model. Skipped where Dovecot is missing, except on CI.
 */
@EnabledIf(value = "dovecotInstalledOrOnCi", disabledReason = "Dovecot is not installed (Debian: apt-get install dovecot-imapd)")
class TriageDovecotTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String USER = "kanzlei";
    private static final String PASSWORD = "dovecot-test-passwort";

    @TempDir
    Path dir;

    static boolean dovecotInstalledOrOnCi() {
        return DovecotServer.available() || "true".equals(System.getenv("CI"));
    }

    @Test
    void triagesEveryMessageOrNamesItsErrorAndLeavesTheMailboxUnchanged() throws Exception {
        if (!DovecotServer.available()) {
            fail("Dovecot is not installed (Debian: apt-get install dovecot-imapd), but CI must run this test");
        }
        // Dovecot's mail processes run as its own user, which must be able to pass through the test's folder.
        java.nio.file.Files.setPosixFilePermissions(dir, java.nio.file.attribute.PosixFilePermissions.fromString("rwx--x--x"));
        try (DovecotServer server = DovecotServer.start(dir.resolve("dovecot"), USER, PASSWORD, MixedMailbox.messages())) {
            SortedMap<String, String> before = server.snapshot();

            CliRun run = CliProcess.run(dir, Map.of("MAIL_PW", PASSWORD), "--home", dir.resolve("home").toString(), "triage",
                    "--imap", "imaps://" + USER + "@127.0.0.1:" + server.port() + "/INBOX", "--password-env", "MAIL_PW",
                    "--trust-cert", server.certificatePem().toString(), "--model", TestModels.tinyQwen35(dir).toString(),
                    "--threads", "1", "--json");

            assertThat(run.exitCode()).as(run.err()).isZero();
            JsonNode messages = JSON.readTree(run.out()).get("messages");
            assertThat(messages).hasSize(MixedMailbox.size());
            for (MixedMailbox.Mail mail : MixedMailbox.Mail.values()) {
                JsonNode entry = messages.get(mail.index());
                assertThat(entry.get("uid").asLong()).isEqualTo(mail.index() + 1L);
                assertThat(entry.get("subject").asText()).isEqualTo(mail.subject());
                if ("ok".equals(entry.get("status").asText())) {
                    assertThat(entry.get("error").isNull()).isTrue();
                    assertThat(JsonSchemaValidator.forSchema(TriageSchema.JSON).validate(entry.get("triage")))
                            .as("schema violations of %s", mail).isEmpty();
                } else {
                    assertThat(entry.get("status").asText()).isEqualTo("error");
                    assertThat(entry.get("error").asText()).as("the error of %s names what went wrong", mail)
                            .matches("(Hearth could not read this message|The answer was cut off).*");
                }
            }
            assertThat(server.snapshot()).as("the mailbox on the server").isEqualTo(before);
        }
    }
}
