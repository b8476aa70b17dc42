package org.hearth.app.mail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.sqlite.SQLiteConfig;

/**
 * The SQLite file that holds mail accounts, fetched mails and their triage. Every change is one transaction
 * with {@code synchronous=FULL}, so a killed or crashed app finds either all of a change or none of it.
 * The schema is versioned with {@code user_version}; each step in {@link #MIGRATIONS} runs once.
 */
final class MailDatabase {

    private static final List<String> MIGRATIONS = List.of("""
            CREATE TABLE accounts (
                id TEXT PRIMARY KEY,
                name TEXT NOT NULL UNIQUE,
                host TEXT NOT NULL,
                port INTEGER NOT NULL,
                security TEXT NOT NULL,
                user TEXT NOT NULL,
                folder TEXT NOT NULL,
                sign_in TEXT NOT NULL,
                trusted_certificate TEXT,
                write_back INTEGER NOT NULL DEFAULT 0,
                uid_validity INTEGER NOT NULL DEFAULT 0,
                highest_uid INTEGER NOT NULL DEFAULT 0,
                created_at INTEGER NOT NULL);
            CREATE TABLE mails (
                account_id TEXT NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
                uid_validity INTEGER NOT NULL,
                uid INTEGER NOT NULL,
                message_id TEXT NOT NULL,
                sender TEXT NOT NULL,
                subject TEXT NOT NULL,
                sent_at INTEGER,
                body TEXT NOT NULL,
                attachments TEXT NOT NULL,
                parse_problem TEXT,
                status TEXT NOT NULL,
                error TEXT,
                triage TEXT,
                model_text TEXT,
                corrected_category TEXT,
                corrected_priority INTEGER,
                PRIMARY KEY (account_id, uid_validity, uid));
            CREATE TABLE corrections (
                id INTEGER PRIMARY KEY AUTOINCREMENT,
                excerpt TEXT NOT NULL,
                category TEXT NOT NULL,
                priority INTEGER NOT NULL);
            """,
            // The window shows a mail with its recipients; mails stored before have none recorded.
            """
            ALTER TABLE mails ADD COLUMN recipients TEXT NOT NULL DEFAULT ''
            """);

    private final String url;

    MailDatabase(Path file) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
        } catch (IOException e) {
            throw new UncheckedIOException("Hearth cannot create the folder of " + file, e);
        }
        this.url = "jdbc:sqlite:" + file.toAbsolutePath();
        try (Connection connection = open()) {
            migrate(connection);
        } catch (SQLException e) {
            throw new MailStoreException("Hearth cannot open its mail database " + file.getFileName() + ": " + e.getMessage(), e);
        }
    }

    /**
     * A new connection; the caller closes it. Transactions are IMMEDIATE (they take the write lock when they
     * begin), so the window and a CLI command writing at once wait for each other instead of failing on a lock
     * upgrade; foreign keys on; commits survive a crash.
     */
    Connection open() throws SQLException {
        SQLiteConfig config = new SQLiteConfig();
        config.setTransactionMode(SQLiteConfig.TransactionMode.IMMEDIATE);
        config.setBusyTimeout(10_000);
        config.setJournalMode(SQLiteConfig.JournalMode.WAL);
        config.setSynchronous(SQLiteConfig.SynchronousMode.FULL);
        config.enforceForeignKeys(true);
        return DriverManager.getConnection(url, config.toProperties());
    }

    // The version is read and the schema changed inside one IMMEDIATE transaction, so when two processes open
    // a new file at once only one of them migrates.
    private static void migrate(Connection connection) throws SQLException {
        connection.setAutoCommit(false);
        try (Statement statement = connection.createStatement()) {
            int version;
            try (var result = statement.executeQuery("PRAGMA user_version")) {
                version = result.next() ? result.getInt(1) : 0;
            }
            for (int step = version; step < MIGRATIONS.size(); step++) {
                for (String sql : MIGRATIONS.get(step).split(";")) {
                    if (!sql.isBlank()) {
                        statement.execute(sql);
                    }
                }
            }
            if (version < MIGRATIONS.size()) {
                statement.execute("PRAGMA user_version = " + MIGRATIONS.size());
            }
            connection.commit();
        } catch (SQLException e) {
            connection.rollback();
            throw e;
        } finally {
            connection.setAutoCommit(true);
        }
    }
}
