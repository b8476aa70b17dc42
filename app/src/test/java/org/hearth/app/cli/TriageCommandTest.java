package org.hearth.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.locks.LockSupport;
import org.hearth.app.mail.MailStore;
import org.hearth.assistant.grammar.JsonSchemaValidator;
import org.hearth.assistant.task.triage.TriageSchema;
import org.hearth.fixtures.gguf.TestModels;
import org.hearth.fixtures.mail.GreenMailServer;
import org.hearth.fixtures.mail.TestMails;
import org.hearth.ui.service.InboxService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code ./hearth triage} in a child JVM against GreenMail over TLS, with the tiny random model. */
class TriageCommandTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Map<String, String> PASSWORD = Map.of("MAIL_PW", GreenMailServer.PASSWORD);

    @TempDir
    Path dir;
    private GreenMailServer server;

    @BeforeEach
    void start() throws Exception {
        server = new GreenMailServer();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private String[] triage(String... extra) throws Exception {
        return triage(dir, server, extra);
    }

    /** `triage --json` of GreenMail's INBOX over TLS with the tiny model, the password from MAIL_PW. */
    static String[] triage(Path dir, GreenMailServer server, String... extra) throws Exception {
        List<String> args = new java.util.ArrayList<>(List.of("--home", dir.resolve("home").toString(), "triage",
                "--imap", "imaps://" + GreenMailServer.USER + "@127.0.0.1:" + server.imapsPort() + "/INBOX",
                "--password-env", "MAIL_PW", "--trust-cert", GreenMailServer.certificatePem().toString(),
                "--model", TestModels.tinyQwen35(dir).toString(), "--threads", "1", "--json"));
        args.addAll(List.of(extra));
        return args.toArray(String[]::new);
    }

    @Test
    void printsOneDocumentWithEveryNewMailAndTheNextRunOnlyTheNewOnes() throws Exception {
        server.deliver(TestMails.plain(1));
        server.deliver(TestMails.latin1());
        server.deliver(TestMails.withAttachment(2000));

        CliRun first = CliProcess.run(dir, PASSWORD, triage());

        assertThat(first.exitCode()).as(first.err()).isZero();
        JsonNode messages = JSON.readTree(first.out()).get("messages");
        assertThat(messages).hasSize(3);
        assertThat(messages.get(0).get("uid").asLong()).isEqualTo(1);
        assertThat(messages.get(0).get("subject").asText()).isEqualTo("Mail 1");
        assertThat(messages.get(0).get("from").asText()).isNotBlank();
        for (JsonNode message : messages) {
            assertThat(message.get("status").asText()).as(message.toString()).isEqualTo("ok");
            assertThat(message.get("error").isNull()).isTrue();
            assertThat(JsonSchemaValidator.forSchema(TriageSchema.JSON).validate(message.get("triage"))).isEmpty();
        }

        server.deliver(TestMails.plain(4));
        CliRun second = CliProcess.run(dir, PASSWORD, triage());
        assertThat(second.exitCode()).as(second.err()).isZero();
        assertThat(JSON.readTree(second.out()).get("messages")).singleElement()
                .satisfies(m -> assertThat(m.get("subject").asText()).isEqualTo("Mail 4"));
    }

    @Test
    void aRefusedLoginIsOneLineAndExitOne() throws Exception {
        server.deliver(TestMails.plain(1));
        CliRun run = CliProcess.run(dir, Map.of("MAIL_PW", "not-the-password"), triage());
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.out()).isEmpty();
        assertThat(run.err().strip()).startsWith("hearth: ").doesNotContain("Exception").doesNotContain("not-the-password")
                .containsIgnoringCase("password");
    }

    @Test
    void aRunKilledMidTriageIsCompletedByTheNextWithEveryMailClassifiedOnce() throws Exception {
        int mails = 12;
        for (int n = 1; n <= mails; n++) {
            server.deliver(TestMails.plain(n));
        }
        CliProcess running = CliProcess.start(dir, PASSWORD, triage());
        Path database = dir.resolve("home").resolve("hearth.db");
        Set<Long> triagedBeforeKill = awaitTriaged(database, 2, running);
        running.kill();
        triagedBeforeKill = triaged(database); // what the database holds after the kill is what counts
        assertThat(triagedBeforeKill).as("the kill came before the run finished").hasSizeLessThan(mails);

        CliRun rerun = CliProcess.run(dir, PASSWORD, triage());

        assertThat(rerun.exitCode()).as(rerun.err()).isZero();
        Set<Long> triagedByRerun = new HashSet<>();
        JSON.readTree(rerun.out()).get("messages").forEach(m -> triagedByRerun.add(m.get("uid").asLong()));
        assertThat(triagedByRerun).doesNotContainAnyElementsOf(triagedBeforeKill);
        Set<Long> all = new HashSet<>(triagedBeforeKill);
        all.addAll(triagedByRerun);
        assertThat(all).hasSize(mails);
        try (MailStore store = new MailStore(database)) {
            String account = store.accounts().getFirst().id();
            assertThat(store.mails(account)).hasSize(mails).allSatisfy(m -> assertThat(m.status()).isEqualTo(InboxService.Status.OK));
        }
    }

    /** Waits until the running command has stored {@code count} results (bounded: it fails after two minutes). */
    private static Set<Long> awaitTriaged(Path database, int count, CliProcess running) throws Exception {
        Instant deadline = Instant.now().plus(Duration.ofMinutes(2));
        while (Instant.now().isBefore(deadline) && running.isAlive()) {
            if (database.toFile().exists()) {
                Set<Long> triaged = triaged(database);
                if (triaged.size() >= count) {
                    return triaged;
                }
            }
            LockSupport.parkNanos(Duration.ofMillis(20).toNanos());
        }
        String ended = running.isAlive() ? "" : "; it ended: " + running.finish(1).err();
        throw new AssertionError("the command stored no " + count + " results while running" + ended);
    }

    private static Set<Long> triaged(Path database) {
        try (MailStore store = new MailStore(database)) {
            Set<Long> uids = new HashSet<>();
            for (var account : store.accounts()) {
                store.mails(account.id()).stream().filter(m -> m.status() == InboxService.Status.OK).forEach(m -> uids.add(m.key().uid()));
            }
            return uids;
        }
    }
}
