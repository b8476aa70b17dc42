package org.hearth.app.state;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * One connection to {@code hearth.db} with the owner's transaction rules: {@link #write} is one IMMEDIATE
 * transaction (a write inside a write joins the outer one), {@link #read} runs as it is. Failures become a
 * {@link StateException} that says what could not be done; an {@link IllegalArgumentException} from the work (the
 * caller asked for something that does not exist) passes through. Not thread-safe: its store serialises callers.
 */
public final class StateConnection implements AutoCloseable {

    /** Work on the database; may throw whatever the JDBC calls and the mapping of rows throw. */
    @FunctionalInterface
    public interface Work<T> {
        T run() throws Exception;
    }

    private final Connection connection;
    private final String fileName;

    StateConnection(Connection connection, String fileName) {
        this.connection = connection;
        this.fileName = fileName;
    }

    public PreparedStatement prepare(String sql) throws SQLException {
        return connection.prepareStatement(sql);
    }

    public <T> T read(String what, Work<T> work) {
        try {
            return work.run();
        } catch (IllegalArgumentException e) {
            throw e;
        } catch (Exception e) {
            throw failure(what, e);
        }
    }

    public <T> T write(String what, Work<T> work) {
        boolean outermost;
        try {
            outermost = connection.getAutoCommit();
            connection.setAutoCommit(false);
        } catch (SQLException e) {
            throw failure(what, e);
        }
        try {
            T result = work.run();
            if (outermost) {
                connection.commit();
            }
            return result;
        } catch (Exception e) {
            try {
                if (outermost) {
                    connection.rollback();
                }
            } catch (SQLException rollback) {
                e.addSuppressed(rollback);
            }
            if (e instanceof IllegalArgumentException illegal) {
                throw illegal;
            }
            throw failure(what, e);
        } finally {
            try {
                if (outermost) {
                    connection.setAutoCommit(true);
                }
            } catch (SQLException ignored) {
                // the next call reports a broken connection
            }
        }
    }

    /** The id SQLite gave the row this connection inserted last; call it inside the {@link #write} that inserted. */
    public long lastInsertId() throws SQLException {
        try (PreparedStatement lastId = prepare("SELECT last_insert_rowid()"); ResultSet key = lastId.executeQuery()) {
            key.next();
            return key.getLong(1);
        }
    }

    /**
     * Deletes the row of {@code table} with this {@code id} column, and by the schema's ON DELETE CASCADE what refers
     * to it; an unknown id changes nothing.
     *
     * @param table a table name of the caller's own schema, never user input
     */
    public void deleteById(String what, String table, long id) {
        write(what, () -> {
            try (PreparedStatement delete = prepare("DELETE FROM " + table + " WHERE id = ?")) {
                delete.setLong(1, id);
                delete.executeUpdate();
            }
            return null;
        });
    }

    @Override
    public void close() {
        try {
            connection.close();
        } catch (SQLException e) {
            throw new StateException("Hearth could not close " + fileName + ": " + e.getMessage(), e);
        }
    }

    private StateException failure(String what, Exception e) {
        return new StateException("Hearth could not " + what + " in " + fileName + ": " + e.getMessage(), e);
    }
}
