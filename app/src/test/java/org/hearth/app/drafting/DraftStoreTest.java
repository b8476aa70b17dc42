package org.hearth.app.drafting;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.hearth.app.state.LocalState;
import org.hearth.assistant.engine.Usage;
import org.hearth.assistant.task.draft.FieldProposal.Status;
import org.hearth.ingest.template.TemplateField.Kind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DraftStoreTest {

    @TempDir
    Path dir;

    private static DraftFromTemplate.Draft draft(String out) {
        return new DraftFromTemplate.Draft(Path.of("/vorlagen/Mandatsbestätigung.docx"), Path.of("/akten", out), List.of(
                new DraftFromTemplate.Field("Aktenzeichen", Kind.TEXT, "Das gerichtliche Aktenzeichen", Status.FILLED, "12 C 345/26",
                        Optional.of(new DraftFromTemplate.Evidence(Path.of("/akten/Klage.pdf"), OptionalInt.of(3), OptionalInt.empty(),
                                "Max Schmidt, Az. 12 C 345/26", true))),
                new DraftFromTemplate.Field("Gericht", Kind.CONTENT_CONTROL, "", Status.UNSUPPORTED, "Amtsgericht Köln",
                        Optional.of(new DraftFromTemplate.Evidence(Path.of("/akten/Brief.docx"), OptionalInt.empty(), OptionalInt.of(7),
                                "Zuständig ist das Amtsgericht Köln", false))),
                new DraftFromTemplate.Field("Anlagen", Kind.ROWS, "", Status.EMPTY, "", Optional.empty())), Usage.NONE);
    }

    @Test
    void a_draft_comes_back_with_every_fields_evidence_after_reopening_newest_first() {
        DraftFromTemplate.Draft first = draft("Entwurf1.docx");
        DraftFromTemplate.Draft second = draft("Entwurf2.docx");
        long firstId;
        long secondId;
        try (DraftStore store = new DraftStore(LocalState.open(dir.resolve("hearth.db")))) {
            firstId = store.keep(first, Instant.parse("2026-12-01T09:00:00Z"));
            secondId = store.keep(second, Instant.parse("2026-12-02T09:00:00Z"));
        }

        try (DraftStore reopened = new DraftStore(LocalState.open(dir.resolve("hearth.db")))) {
            assertThat(reopened.all()).containsExactly(
                    new DraftStore.Entry(secondId, second, Instant.parse("2026-12-02T09:00:00Z")),
                    new DraftStore.Entry(firstId, first, Instant.parse("2026-12-01T09:00:00Z")));
        }
    }

    @Test
    void deleting_a_draft_takes_its_fields_with_it_and_leaves_the_others() throws Exception {
        Path file = dir.resolve("hearth.db");
        long kept;
        try (DraftStore store = new DraftStore(LocalState.open(file))) {
            long gone = store.keep(draft("a.docx"), Instant.parse("2026-12-01T09:00:00Z"));
            kept = store.keep(draft("b.docx"), Instant.parse("2026-12-02T09:00:00Z"));
            store.delete(gone);
            assertThat(store.all()).extracting(DraftStore.Entry::id).containsExactly(kept);
        }
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + file);
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT DISTINCT draft_id FROM draft_fields")) {
            rows.next();
            assertThat(rows.getLong(1)).isEqualTo(kept);
            assertThat(rows.next()).isFalse();
        }
    }
}
