package org.hearth.app.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.hearth.app.state.LocalState;
import org.hearth.assistant.task.triage.TriageCategory;
import org.hearth.ingest.mail.Attachment;
import org.hearth.ingest.mail.ImapAccount;
import org.hearth.ingest.mail.MailMessage;
import org.hearth.ingest.mail.SyncCursor;
import org.hearth.ui.service.InboxService;
import org.hearth.ui.service.InboxService.SignIn;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MailStoreTest {

    static final String ANSWER = """
            {"reason":"Gericht setzt Frist","category":"court_or_authority","priority":5,"needs_reply":true,
             "deadlines":[{"date":"2026-12-01","what":"Replik","quote":"bis zum 1.12.2026"}],
             "file_numbers":["12 O 345/24"],"summary":"Frist zur Replik","next_step":"Replik entwerfen"}""";

    @TempDir
    Path dir;

    static MailAccount account(String id) {
        return new MailAccount(id, "Kanzlei " + id, "imap.example.de", 993, ImapAccount.Security.IMAPS, "kanzlei",
                "INBOX", SignIn.PASSWORD, Optional.empty(), false);
    }

    static MailMessage message(long uidValidity, long uid) {
        return new MailMessage(uidValidity, uid, "<" + uid + "@example.de>", "Gericht <poststelle@justiz.example>",
                List.of("Kanzlei Groß <kanzlei@example.de>", "akte@example.de"), Optional.of(Instant.parse("2026-11-20T08:00:00Z")),
                "Verfügung " + uid,
                "Text " + uid, "", "", List.of(new Attachment("verfuegung.pdf", "application/pdf", 1234)), false, Optional.empty());
    }

    @Test
    void aFetchedMailAndTheCursorAreStoredTogetherAndSurviveReopening() {
        try (MailStore store = new MailStore(dir.resolve("hearth.db"))) {
            store.addAccount(account("a"));
            assertThat(store.cursor("a")).isEqualTo(SyncCursor.NONE);
            assertThat(store.storeFetched("a", message(7, 3), "Text 3")).isTrue();
            assertThat(store.storeFetched("a", message(7, 5), "Text 5")).isTrue();
        }
        try (MailStore store = new MailStore(dir.resolve("hearth.db"))) {
            assertThat(store.cursor("a")).isEqualTo(new SyncCursor(7, 5));
            List<StoredMail> pending = store.pending("a");
            assertThat(pending).extracting(StoredMail::key).containsExactly(new MailKey(7, 3), new MailKey(7, 5));
            assertThat(pending.getFirst().attachments()).containsExactly(new Attachment("verfuegung.pdf", "application/pdf", 1234));
            assertThat(pending.getFirst().sentAt()).contains(Instant.parse("2026-11-20T08:00:00Z"));
            assertThat(pending.getFirst().to()).containsExactly("Kanzlei Groß <kanzlei@example.de>", "akte@example.de");
        }
    }

    @Test
    void theSameMailIsStoredOnceAndTheCursorNeverGoesBack() {
        try (MailStore store = new MailStore(dir.resolve("hearth.db"))) {
            store.addAccount(account("a"));
            store.storeFetched("a", message(7, 5), "x");
            assertThat(store.storeFetched("a", message(7, 5), "x")).isFalse();
            store.storeFetched("a", message(7, 4), "x");
            assertThat(store.cursor("a")).isEqualTo(new SyncCursor(7, 5));
            assertThat(store.mails("a")).hasSize(2);
        }
    }

    @Test
    void aTriageIsStoredOnlyWhileTheMailIsPending() {
        try (MailStore store = new MailStore(dir.resolve("hearth.db"))) {
            store.addAccount(account("a"));
            store.storeFetched("a", message(7, 1), "x");
            MailKey key = new MailKey(7, 1);

            assertThat(store.storeTriage("a", key, ANSWER, "<mail>…</mail>")).isTrue();
            String other = ANSWER.replace("\"priority\":5", "\"priority\":1");
            assertThat(store.storeTriage("a", key, other, "other")).isFalse();
            assertThat(store.storeFailure("a", key, "cut off", Optional.empty())).isFalse();

            StoredMail stored = store.mail("a", key).orElseThrow();
            assertThat(stored.status()).isEqualTo(InboxService.Status.OK);
            assertThat(stored.priority()).isEqualTo(5);
            assertThat(stored.modelText()).contains("<mail>…</mail>");
            assertThat(stored.triage().orElseThrow().fileNumbers()).containsExactly("12 O 345/24");
            assertThat(store.pending("a")).isEmpty();
        }
    }

    @Test
    void anAnswerThatWouldNotReadBackIsRefused() {
        try (MailStore store = new MailStore(dir.resolve("hearth.db"))) {
            store.addAccount(account("a"));
            store.storeFetched("a", message(7, 1), "x");
            assertThatThrownBy(() -> store.storeTriage("a", new MailKey(7, 1), "{\"category\":\"other\"}", "x"))
                    .isInstanceOf(RuntimeException.class);
            assertThat(store.mail("a", new MailKey(7, 1)).orElseThrow().status()).isEqualTo(InboxService.Status.PENDING);
        }
    }

    @Test
    void aNewUidValidityDropsTheMailsOfTheOldOne() {
        try (MailStore store = new MailStore(dir.resolve("hearth.db"))) {
            store.addAccount(account("a"));
            store.storeFetched("a", message(7, 1), "x");
            store.storeFetched("a", message(7, 9), "x");
            store.storeFetched("a", message(8, 2), "x");
            assertThat(store.mails("a")).extracting(StoredMail::key).containsExactly(new MailKey(8, 2));
            assertThat(store.cursor("a")).isEqualTo(new SyncCursor(8, 2));
        }
    }

    @Test
    void aLabelReplacesTheModelsAndBecomesAnExampleThatOutlivesTheMail() {
        try (MailStore store = new MailStore(dir.resolve("hearth.db"))) {
            store.addAccount(account("a"));
            store.storeFetched("a", message(7, 1), "x");
            store.storeTriage("a", new MailKey(7, 1), ANSWER, "x");
            StoredMail relabelled = store.relabel("a", new MailKey(7, 1), TriageCategory.SPAM_OR_PHISHING, 1);
            assertThat(relabelled.category()).contains(TriageCategory.SPAM_OR_PHISHING);
            assertThat(relabelled.priority()).isEqualTo(1);
            assertThat(relabelled.triage().orElseThrow().category()).isEqualTo(TriageCategory.COURT_OR_AUTHORITY);
            store.storeFetched("a", message(9, 1), "x"); // a resync drops the mail itself
        }
        try (MailStore store = new MailStore(dir.resolve("hearth.db"))) {
            assertThat(store.examples()).singleElement().satisfies(example -> {
                assertThat(example.excerpt()).contains("Verfügung 1");
                assertThat(example.category()).isEqualTo(TriageCategory.SPAM_OR_PHISHING);
                assertThat(example.priority()).isEqualTo(1);
            });
        }
    }

    @Test
    void removingAnAccountRemovesItsMailsAndLeavesOthers() {
        try (MailStore store = new MailStore(dir.resolve("hearth.db"))) {
            store.addAccount(account("a"));
            store.addAccount(account("b"));
            store.storeFetched("a", message(7, 1), "x");
            store.storeFetched("b", message(7, 1), "x");
            store.removeAccount("a");
            assertThat(store.accounts()).extracting(MailAccount::id).containsExactly("b");
            assertThat(store.mails("a")).isEmpty();
            assertThat(store.mails("b")).hasSize(1);
        }
    }

    @Test
    void writeBackIsOffUntilTheUserTurnsItOn() {
        try (MailStore store = new MailStore(dir.resolve("hearth.db"))) {
            store.addAccount(account("a"));
            assertThat(store.account("a").orElseThrow().writeBack()).isFalse();
            store.setWriteBack("a", true);
            assertThat(store.account("Kanzlei a").orElseThrow().writeBack()).isTrue();
        }
    }

    @Test
    void aDatabaseOfTheMailOnlySchemaIsTakenOverWithEverythingInIt() throws Exception {
        Path file = dir.resolve("hearth.db");
        String script = new String(MailStoreTest.class.getResourceAsStream("mail-only-schema-v1.sql").readAllBytes(),
                StandardCharsets.UTF_8);
        try (Connection old = DriverManager.getConnection("jdbc:sqlite:" + file); Statement statement = old.createStatement()) {
            for (String sql : script.split(";")) {
                if (!sql.isBlank()) {
                    statement.execute(sql);
                }
            }
        }

        LocalState state = LocalState.open(file);
        try (MailStore store = new MailStore(state)) {
            MailAccount account = store.account("Kanzlei a").orElseThrow();
            assertThat(account.writeBack()).isTrue();
            assertThat(store.cursor("a")).isEqualTo(new SyncCursor(7, 5));
            StoredMail mail = store.mail("a", new MailKey(7, 5)).orElseThrow();
            assertThat(mail.status()).isEqualTo(InboxService.Status.OK);
            assertThat(mail.triage().orElseThrow().fileNumbers()).containsExactly("12 O 345/24");
            assertThat(mail.attachments()).containsExactly(new Attachment("verfuegung.pdf", "application/pdf", 1234));
            assertThat(mail.to()).as("the old schema kept no recipients").isEmpty();
            assertThat(store.examples()).singleElement().extracting(e -> e.category()).isEqualTo(TriageCategory.SPAM_OR_PHISHING);

            assertThat(store.storeFetched("a", message(7, 6), "Text 6")).isTrue();
        }
        try (Connection reopened = DriverManager.getConnection("jdbc:sqlite:" + file); Statement statement = reopened.createStatement();
             ResultSet version = statement.executeQuery("SELECT version FROM schema_versions WHERE feature = 'mail'")) {
            assertThat(version.next()).isTrue();
            assertThat(version.getInt(1)).as("every later mail step ran on the taken-over database")
                    .isEqualTo(MailSchema.SCHEMA.migrations().size()).isGreaterThan(1);
        }
        try (MailStore store = new MailStore(file)) {
            assertThat(store.mails("a")).extracting(StoredMail::key).containsExactly(new MailKey(7, 5), new MailKey(7, 6));
        }
    }
}
