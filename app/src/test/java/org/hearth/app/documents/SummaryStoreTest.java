package org.hearth.app.documents;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.hearth.app.mail.MailAccount;
import org.hearth.app.mail.MailStore;
import org.hearth.app.state.LocalState;
import org.hearth.assistant.task.summary.SummaryStyle;
import org.hearth.domain.Language;
import org.hearth.domain.Locator;
import org.hearth.ingest.mail.ImapAccount;
import org.hearth.ui.service.InboxService.SignIn;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SummaryStoreTest {

    @TempDir
    Path dir;

    private static KeptSummary finished(String file, Instant created) {
        return new KeptSummary(Path.of("/akten", file), Optional.of(new FileStamp(48_213, 1_764_000_000_123L)),
                SummaryStyle.KEY_POINTS, Optional.of(Language.GERMAN), 12,
                "- Miete 1.200 EUR (S. 2)\n- Kündigung drei Monate (S. 7–8)",
                List.of(Locator.page(2), new Locator(Locator.Unit.PAGE, 7, 8)), Optional.of("Seite 5 ist ein Scan ohne Text"),
                false, created);
    }

    @Test
    void aSummaryComesBackWithEverythingAfterReopeningNewestFirst() {
        KeptSummary older = finished("vertrag.pdf", Instant.parse("2026-12-01T09:00:00Z"));
        KeptSummary partial = new KeptSummary(Path.of("/akten/gutachten.docx"), Optional.empty(), SummaryStyle.BRIEF,
                Optional.empty(), 40, "Das Gutachten stellt fest, ", List.of(), Optional.empty(), true,
                Instant.parse("2026-12-02T10:30:00Z"));
        long olderId;
        long partialId;
        try (SummaryStore store = new SummaryStore(LocalState.open(dir.resolve("hearth.db")))) {
            olderId = store.keep(older);
            partialId = store.keep(partial);
        }

        try (SummaryStore reopened = new SummaryStore(LocalState.open(dir.resolve("hearth.db")))) {
            assertThat(reopened.all()).containsExactly(new SummaryStore.Entry(partialId, partial),
                    new SummaryStore.Entry(olderId, older));
        }
    }

    @Test
    void deletingASummaryTakesItsCitationsWithItAndLeavesTheOthers() throws Exception {
        Path file = dir.resolve("hearth.db");
        try (SummaryStore store = new SummaryStore(LocalState.open(file))) {
            long gone = store.keep(finished("vertrag.pdf", Instant.parse("2026-12-01T09:00:00Z")));
            long kept = store.keep(finished("anlage.pdf", Instant.parse("2026-12-01T09:05:00Z")));

            store.delete(gone);
            store.delete(gone);

            assertThat(store.all()).extracting(SummaryStore.Entry::id).containsExactly(kept);
            assertThat(store.all().getFirst().summary().citations()).hasSize(2);
        }
        assertThat(strings(file, "SELECT DISTINCT summary_id FROM summary_citations")).hasSize(1);
    }

    @Test
    void theSummariesTablesJoinADatabaseThatHeldOnlyMailWithoutTouchingIt() throws Exception {
        Path file = dir.resolve("hearth.db");
        try (MailStore mail = new MailStore(LocalState.open(file))) {
            mail.addAccount(new MailAccount("a", "Kanzlei a", "imap.example.de", 993, ImapAccount.Security.IMAPS, "kanzlei",
                    "INBOX", SignIn.PASSWORD, Optional.empty(), false));
        }
        List<String> mailVersion = strings(file, "SELECT feature || '=' || version FROM schema_versions");
        assertThat(mailVersion).singleElement().asString().startsWith("mail=");

        try (SummaryStore store = new SummaryStore(LocalState.open(file))) {
            store.keep(finished("vertrag.pdf", Instant.parse("2026-12-01T09:00:00Z")));
        }

        assertThat(strings(file, "SELECT feature || '=' || version FROM schema_versions"))
                .containsExactlyInAnyOrderElementsOf(concat(mailVersion, "summaries=" + SummariesSchema.SCHEMA.version()));
        try (MailStore mail = new MailStore(file)) {
            assertThat(mail.account("a")).isPresent();
        }
    }

    private static List<String> concat(List<String> list, String more) {
        List<String> all = new ArrayList<>(list);
        all.add(more);
        return all;
    }

    private static List<String> strings(Path file, String sql) throws Exception {
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + file);
             Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
            List<String> values = new ArrayList<>();
            while (rows.next()) {
                values.add(rows.getString(1));
            }
            return values;
        }
    }
}
