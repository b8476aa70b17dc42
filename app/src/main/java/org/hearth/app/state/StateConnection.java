package org.hearth.app.state;

import java.sql.Connection;
import java.sql.PreparedStatement;
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
