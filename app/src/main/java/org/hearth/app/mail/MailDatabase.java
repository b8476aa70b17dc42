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

    /** A new connection with foreign keys on and writes that survive a crash; the caller closes it. */
    Connection open() throws SQLException {
        Connection connection = DriverManager.getConnection(url);
        try (Statement statement = connection.createStatement()) {
            statement.execute("PRAGMA foreign_keys = ON");
            statement.execute("PRAGMA journal_mode = WAL");
            statement.execute("PRAGMA synchronous = FULL");
            statement.execute("PRAGMA busy_timeout = 10000");
        }
        return connection;
    }

    private static void migrate(Connection connection) throws SQLException {
        int version;
        try (Statement statement = connection.createStatement();
             var result = statement.executeQuery("PRAGMA user_version")) {
            version = result.next() ? result.getInt(1) : 0;
        }
        for (int step = version; step < MIGRATIONS.size(); step++) {
            connection.setAutoCommit(false);
            try (Statement statement = connection.createStatement()) {
                for (String sql : MIGRATIONS.get(step).split(";")) {
                    if (!sql.isBlank()) {
                        statement.execute(sql);
                    }
                }
                statement.execute("PRAGMA user_version = " + (step + 1));
                connection.commit();
            } catch (SQLException e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(true);
            }
        }
    }
}
