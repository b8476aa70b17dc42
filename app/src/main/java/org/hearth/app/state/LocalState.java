package org.hearth.app.state;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteException;

/**
 * The owner of {@code hearth.db}, the SQLite file that holds Hearth's local state. Features register their tables
 * here ({@link #register}); each feature's schema is versioned on its own in {@code schema_versions(feature,
 * version)}, so features can be added, and grow, in any order.
 *
 * <p>Every connection commits with {@code synchronous=FULL} in WAL mode, so a killed or crashed app finds either all
 * of a change or none of it, and begins its transactions IMMEDIATE with a busy timeout, so the window and a CLI
 * command writing at once wait for each other instead of failing on a lock upgrade.
 */
public final class LocalState {

    /**
     * Before this owner existed, the file held only the mail tables and {@code PRAGMA user_version} was their
     * version; such a file is adopted by recording that version under this feature name.
     */
    static final String MAIL_ONLY_SCHEMA_FEATURE = "mail";

    private static final int BUSY_TIMEOUT_MILLIS = 10_000;

    static {
        SqliteLibrary.preferBundled();
    }

    private final Path file;
    private final String url;
    private final Map<String, FeatureSchema> registered = new HashMap<>();

    private LocalState(Path file) {
        this.file = file;
        this.url = "jdbc:sqlite:" + file.toAbsolutePath();
    }

    /** Opens (creating it if needed) the state file and brings its version table up to date. */
    public static LocalState open(Path file) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
        } catch (IOException e) {
            throw new UncheckedIOException("Hearth cannot create the folder of " + file, e);
        }
        LocalState state = new LocalState(file);
        state.useWriteAheadLog();
        state.migrate("open", LocalState::createVersionTable);
        return state;
    }

    /**
     * Registers a feature's tables: runs, once, each of its migrations the file has not seen yet. Registering the
     * same schema again does nothing; another schema under a registered name is a programming error.
     *
     * @throws StateException if a migration fails (the file then keeps the feature's previous version) or the file
     *                        holds a newer version of the feature than this Hearth knows
     */
    public synchronized void register(FeatureSchema schema) {
        FeatureSchema earlier = registered.putIfAbsent(schema.feature(), schema);
        if (earlier != null) {
            if (!earlier.equals(schema)) {
                throw new IllegalStateException("two different schemas registered as " + schema.feature());
            }
            return;
        }
        try {
            migrate("set up the " + schema.feature() + " tables", connection -> migrate(connection, schema));
        } catch (RuntimeException e) {
            registered.remove(schema.feature());
            throw e;
        }
    }

    /** A new connection for one feature's store; the caller closes it. */
    public StateConnection connect() {
        try {
            return new StateConnection(open(), file.getFileName().toString());
        } catch (SQLException e) {
            throw new StateException("Hearth cannot open " + file.getFileName() + ": " + e.getMessage(), e);
        }
    }

    private Connection open() throws SQLException {
        SQLiteConfig config = new SQLiteConfig();
        config.setTransactionMode(SQLiteConfig.TransactionMode.IMMEDIATE);
        config.setBusyTimeout(BUSY_TIMEOUT_MILLIS);
        config.setSynchronous(SQLiteConfig.SynchronousMode.FULL);
        config.enforceForeignKeys(true);
        return DriverManager.getConnection(url, config.toProperties());
    }

    // WAL is a property of the file, set once here rather than on every connection: the switch needs the file to
    // itself, and SQLite answers a switch that meets another opener with SQLITE_BUSY at once, without waiting out
    // the busy timeout. So openers that find the file busy try again until the timeout has passed.
    private void useWriteAheadLog() {
        long deadline = System.nanoTime() + BUSY_TIMEOUT_MILLIS * 1_000_000L;
        long pauseMillis = 1;
        while (true) {
            try (Connection connection = open(); Statement statement = connection.createStatement();
                 ResultSet mode = statement.executeQuery("PRAGMA journal_mode=WAL")) {
                if (mode.next() && "wal".equalsIgnoreCase(mode.getString(1))) {
                    return;
                }
                throw new StateException("Hearth cannot keep " + file.getFileName()
                        + " in write-ahead-log mode (its file system may not support it)", null);
            } catch (SQLException e) {
                if (!isBusy(e) || System.nanoTime() > deadline) {
                    throw new StateException("Hearth cannot open " + file.getFileName() + ": " + e.getMessage(), e);
                }
            }
            try {
                Thread.sleep(pauseMillis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new StateException("Hearth stopped waiting for " + file.getFileName() + " to be free", e);
            }
            pauseMillis = Math.min(pauseMillis * 2, 50);
        }
    }

    private static boolean isBusy(SQLException e) {
        return e instanceof SQLiteException sqlite && (sqlite.getResultCode().name().startsWith("SQLITE_BUSY")
                || sqlite.getResultCode().name().startsWith("SQLITE_LOCKED"));
    }

    @FunctionalInterface
    private interface SchemaChange {
        void apply(Connection connection) throws SQLException;
    }

    // Versions are read and the schema changed inside one IMMEDIATE transaction, so when two processes open a new
    // file at once only one of them migrates; the other waits and then finds nothing left to do.
    private void migrate(String what, SchemaChange change) {
        try (Connection connection = open()) {
            connection.setAutoCommit(false);
            try {
                change.apply(connection);
                connection.commit();
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new StateException("Hearth cannot " + what + " in " + file.getFileName() + ": " + e.getMessage(), e);
        }
    }

    private static void createVersionTable(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            boolean exists;
            try (ResultSet row = statement.executeQuery(
                    "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'schema_versions'")) {
                exists = row.next();
            }
            if (exists) {
                return;
            }
            int mailOnlyVersion;
            try (ResultSet row = statement.executeQuery("PRAGMA user_version")) {
                mailOnlyVersion = row.next() ? row.getInt(1) : 0;
            }
            statement.execute("CREATE TABLE schema_versions (feature TEXT PRIMARY KEY, version INTEGER NOT NULL)");
            if (mailOnlyVersion > 0) {
                setVersion(connection, MAIL_ONLY_SCHEMA_FEATURE, mailOnlyVersion);
            }
        }
    }

    private void migrate(Connection connection, FeatureSchema schema) throws SQLException {
        int version = version(connection, schema.feature());
        if (version > schema.version()) {
            throw new SQLException(file.getFileName() + " holds version " + version + " of the " + schema.feature()
                    + " tables, newer than this Hearth knows (" + schema.version() + "); update Hearth");
        }
        if (version == schema.version()) {
            return;
        }
        try (Statement statement = connection.createStatement()) {
            for (String migration : schema.migrations().subList(version, schema.version())) {
                for (String sql : migration.split(";")) {
                    if (!sql.isBlank()) {
                        statement.execute(sql);
                    }
                }
            }
        }
        setVersion(connection, schema.feature(), schema.version());
    }

    private static int version(Connection connection, String feature) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT version FROM schema_versions WHERE feature = ?")) {
            select.setString(1, feature);
            try (ResultSet row = select.executeQuery()) {
                return row.next() ? row.getInt(1) : 0;
            }
        }
    }

    private static void setVersion(Connection connection, String feature, int version) throws SQLException {
        try (PreparedStatement upsert = connection.prepareStatement("INSERT INTO schema_versions (feature, version) VALUES (?, ?) "
                + "ON CONFLICT (feature) DO UPDATE SET version = excluded.version")) {
            upsert.setString(1, feature);
            upsert.setInt(2, version);
            upsert.executeUpdate();
        }
    }
}
