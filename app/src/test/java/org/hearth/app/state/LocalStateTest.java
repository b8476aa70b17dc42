package org.hearth.app.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalStateTest {

    private static final FeatureSchema NOTES_V1 = new FeatureSchema("notes", List.of(
            "CREATE TABLE notes (id INTEGER PRIMARY KEY, text TEXT NOT NULL)"));
    private static final FeatureSchema NOTES_V2 = new FeatureSchema("notes", List.of(
            NOTES_V1.migrations().getFirst(), "ALTER TABLE notes ADD COLUMN pinned INTEGER NOT NULL DEFAULT 0"));
    private static final FeatureSchema DRAFTS = new FeatureSchema("drafts", List.of(
            "CREATE TABLE drafts (id INTEGER PRIMARY KEY, body TEXT NOT NULL)"));

    @TempDir
    Path dir;

    @Test
    void eachFeatureIsVersionedOnItsOwnSoFeaturesArriveAndGrowInAnyOrder() {
        LocalState first = LocalState.open(dir.resolve("hearth.db"));
        first.register(NOTES_V1);
        insert(first, "INSERT INTO notes (text) VALUES ('kept')");

        LocalState later = LocalState.open(dir.resolve("hearth.db"));
        later.register(DRAFTS);
        later.register(NOTES_V2);

        assertThat(versions(later)).containsExactlyInAnyOrder("drafts=1", "notes=2");
        assertThat(strings(later, "SELECT text || '/' || pinned FROM notes")).containsExactly("kept/0");
    }

    @Test
    void aFailingMigrationLeavesTheFeatureAtItsPreviousVersionAndCanBeRetried() {
        LocalState state = LocalState.open(dir.resolve("hearth.db"));
        state.register(NOTES_V1);
        FeatureSchema broken = new FeatureSchema("notes", List.of(NOTES_V1.migrations().getFirst(),
                "ALTER TABLE notes ADD COLUMN pinned INTEGER; ALTER TABLE no_such_table ADD COLUMN x INTEGER"));

        LocalState reopened = LocalState.open(dir.resolve("hearth.db"));
        assertThatThrownBy(() -> reopened.register(broken)).isInstanceOf(StateException.class).hasMessageContaining("hearth.db");

        assertThat(versions(reopened)).containsExactly("notes=1");
        assertThat(strings(reopened, "SELECT name FROM pragma_table_info('notes')")).containsExactly("id", "text");
        reopened.register(NOTES_V2);
        assertThat(versions(reopened)).containsExactly("notes=2");
    }

    @Test
    void aFileWithANewerVersionOfAFeatureIsRefusedUntouched() {
        LocalState.open(dir.resolve("hearth.db")).register(NOTES_V2);

        LocalState older = LocalState.open(dir.resolve("hearth.db"));
        assertThatThrownBy(() -> older.register(NOTES_V1)).isInstanceOf(StateException.class)
                .hasMessageContaining("newer than this Hearth knows");
        assertThat(versions(older)).containsExactly("notes=2");
    }

    @Test
    void twoDifferentSchemasUnderOneNameAreAProgrammingError() {
        LocalState state = LocalState.open(dir.resolve("hearth.db"));
        state.register(NOTES_V2);
        state.register(NOTES_V2);
        assertThatThrownBy(() -> state.register(NOTES_V1)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void openersOfANewFileAtOnceMigrateItOnce() throws Exception {
        int openers = 4;
        // Creating the table twice would fail the second opener; the counter row shows how often the step ran.
        FeatureSchema counted = new FeatureSchema("counted", List.of(
                "CREATE TABLE runs (n INTEGER); INSERT INTO runs VALUES (1)"));
        CyclicBarrier start = new CyclicBarrier(openers);
        ExecutorService pool = Executors.newFixedThreadPool(openers);
        try {
            List<Future<Void>> opened = new ArrayList<>();
            for (int i = 0; i < openers; i++) {
                opened.add(pool.submit((Callable<Void>) () -> {
                    start.await();
                    LocalState.open(dir.resolve("hearth.db")).register(counted);
                    return null;
                }));
            }
            for (Future<Void> future : opened) {
                future.get();
            }
        } finally {
            pool.shutdownNow();
        }
        LocalState state = LocalState.open(dir.resolve("hearth.db"));
        assertThat(strings(state, "SELECT count(*) FROM runs")).containsExactly("1");
        assertThat(versions(state)).containsExactly("counted=1");
    }

    @Test
    void theFileIsInWriteAheadLogModeForEveryConnectionAfterOpening() {
        LocalState state = LocalState.open(dir.resolve("hearth.db"));
        // Every new connection (the window's, a CLI command's) reads the mode from the file, not from its own set-up.
        assertThat(strings(state, "PRAGMA journal_mode")).containsExactly("wal");
    }

    @Test
    void aWriteInsideAWriteJoinsItAndAFailureRollsBackBoth() {
        LocalState state = LocalState.open(dir.resolve("hearth.db"));
        state.register(NOTES_V1);
        try (StateConnection db = state.connect()) {
            assertThatThrownBy(() -> db.write("add two notes", () -> {
                db.write("add a note", () -> db.prepare("INSERT INTO notes (text) VALUES ('one')").executeUpdate());
                return db.prepare("INSERT INTO notes (missing) VALUES ('two')").executeUpdate();
            })).isInstanceOf(StateException.class).hasMessageStartingWith("Hearth could not add two notes in hearth.db");
        }
        assertThat(strings(state, "SELECT text FROM notes")).isEmpty();
    }

    static List<String> versions(LocalState state) {
        return strings(state, "SELECT feature || '=' || version FROM schema_versions");
    }

    static List<String> strings(LocalState state, String sql) {
        try (StateConnection db = state.connect()) {
            return db.read("read", () -> {
                try (ResultSet rows = db.prepare(sql).executeQuery()) {
                    List<String> values = new ArrayList<>();
                    while (rows.next()) {
                        values.add(rows.getString(1));
                    }
                    return values;
                }
            });
        }
    }

    private static void insert(LocalState state, String sql) {
        try (StateConnection db = state.connect()) {
            db.write("insert", () -> db.prepare(sql).executeUpdate());
        }
    }
}
