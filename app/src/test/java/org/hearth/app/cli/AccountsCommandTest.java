package org.hearth.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.hearth.app.secrets.FakeTools;
import org.hearth.fixtures.gguf.TestModels;
import org.hearth.fixtures.mail.GreenMailServer;
import org.hearth.fixtures.mail.TestMails;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code hearth accounts} in child JVMs whose keychain is a stand-in {@code secret-tool} on the PATH: the password
 * goes into the keychain (never onto a command line or into Hearth's files) and a saved account triages without one.
 */
class AccountsCommandTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;
    private GreenMailServer server;
    private Path keychain;
    private Map<String, String> environment;

    @BeforeEach
    void start() throws Exception {
        server = new GreenMailServer();
        keychain = Files.createDirectories(dir.resolve("keychain"));
        FakeTools.secretTool(keychain);
        environment = Map.of("PATH", keychain + ":" + System.getenv("PATH"), "MAIL_PW", GreenMailServer.PASSWORD);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private CliRun hearth(Map<String, String> env, String... args) throws Exception {
        String[] all = new String[args.length + 2];
        all[0] = "--home";
        all[1] = dir.resolve("home").toString();
        System.arraycopy(args, 0, all, 2, args.length);
        return CliProcess.run(dir, env, all);
    }

    private String url() {
        return "imaps://" + GreenMailServer.USER + "@127.0.0.1:" + server.imapsPort();
    }

    @Test
    void aSavedAccountTriagesWithItsPasswordFromTheKeychain() throws Exception {
        CliRun added = hearth(environment, "accounts", "add", "Kanzlei", "--imap", url(), "--password-env", "MAIL_PW",
                "--trust-cert", GreenMailServer.certificatePem().toString());
        assertThat(added.exitCode()).as(added.err()).isZero();
        assertThat(Files.readString(keychain.resolve("argv.log"))).doesNotContain(GreenMailServer.PASSWORD);
        assertThat(Files.readString(dir.resolve("home").resolve("hearth.db"), java.nio.charset.StandardCharsets.ISO_8859_1))
                .doesNotContain(GreenMailServer.PASSWORD);

        CliRun listed = hearth(environment, "accounts", "list");
        assertThat(listed.out()).startsWith("Kanzlei\t" + GreenMailServer.USER + " @ 127.0.0.1:" + server.imapsPort());

        server.deliver(TestMails.plain(1));
        Map<String, String> noPassword = Map.of("PATH", environment.get("PATH"));
        CliRun triaged = hearth(noPassword, "triage", "--account", "Kanzlei", "--model", TestModels.tinyQwen35(dir).toString(),
                "--threads", "1", "--json");
        assertThat(triaged.exitCode()).as(triaged.err()).isZero();
        assertThat(JSON.readTree(triaged.out()).get("messages")).singleElement()
                .satisfies(m -> assertThat(m.get("status").asText()).isEqualTo("ok"));

        CliRun removed = hearth(environment, "accounts", "remove", "Kanzlei");
        assertThat(removed.exitCode()).as(removed.err()).isZero();
        assertThat(Files.list(keychain).map(p -> p.getFileName().toString())).noneMatch(name -> name.startsWith("item."));
        assertThat(hearth(environment, "accounts", "list").out()).startsWith("No saved accounts.");
    }

    @Test
    void anAccountThatCannotLogInIsNotSaved() throws Exception {
        CliRun added = hearth(Map.of("PATH", environment.get("PATH"), "MAIL_PW", "wrong"), "accounts", "add", "Kanzlei",
                "--imap", url(), "--password-env", "MAIL_PW", "--trust-cert", GreenMailServer.certificatePem().toString());
        assertThat(added.exitCode()).isEqualTo(1);
        assertThat(added.err()).startsWith("hearth: ").doesNotContain("Exception");
        assertThat(hearth(environment, "accounts", "list").out()).startsWith("No saved accounts.");
        assertThat(Files.list(keychain).map(p -> p.getFileName().toString())).noneMatch(name -> name.startsWith("item."));
    }
}
