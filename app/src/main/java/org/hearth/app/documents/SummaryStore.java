package org.hearth.app.documents;

import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.hearth.app.state.LocalState;
import org.hearth.app.state.StateConnection;
import org.hearth.assistant.task.summary.SummaryStyle;
import org.hearth.domain.Language;
import org.hearth.domain.Locator;

/**
 * The summaries feature's tables in hearth.db. A summary and its citations are written in one transaction, so after a
 * crash either all of it is there or none. Thread-safe: one connection, one caller at a time.
 */
public final class SummaryStore implements AutoCloseable {

    /** A kept summary and the id it is deleted by. */
    public record Entry(long id, KeptSummary summary) {
    }

    private final StateConnection db;

    /** A store on hearth.db; registers the summaries tables with its owner on first use. */
    public SummaryStore(LocalState state) {
        state.register(SummariesSchema.SCHEMA);
        this.db = state.connect();
    }

    /** Keeps the summary; returns its id. */
    public synchronized long keep(KeptSummary summary) {
        return db.write("keep the summary", () -> {
            long id;
            try (PreparedStatement insert = db.prepare("INSERT INTO summaries (file_path, file_size, file_modified, style, "
                    + "language, pages, text, warning, partial, created_at) VALUES (?,?,?,?,?,?,?,?,?,?)")) {
                insert.setString(1, summary.file().toString());
                insert.setObject(2, summary.stamp().map(FileStamp::size).orElse(null));
                insert.setObject(3, summary.stamp().map(FileStamp::modifiedMillis).orElse(null));
                insert.setString(4, summary.style().name());
                insert.setString(5, summary.language().map(Language::code).orElse(null));
                insert.setInt(6, summary.pages());
                insert.setString(7, summary.text());
                insert.setString(8, summary.warning().orElse(null));
                insert.setInt(9, summary.partial() ? 1 : 0);
                insert.setLong(10, summary.created().toEpochMilli());
                insert.executeUpdate();
            }
            id = db.lastInsertId();
            try (PreparedStatement insert = db.prepare(
                    "INSERT INTO summary_citations (summary_id, position, unit, from_number, to_number) VALUES (?,?,?,?,?)")) {
                List<Locator> citations = summary.citations();
                for (int position = 0; position < citations.size(); position++) {
                    Locator citation = citations.get(position);
                    insert.setLong(1, id);
                    insert.setInt(2, position);
                    insert.setString(3, citation.unit().name());
                    insert.setInt(4, citation.from());
                    insert.setInt(5, citation.to());
                    insert.executeUpdate();
                }
            }
            return id;
        });
    }

    /** Every kept summary, newest first. */
    public synchronized List<Entry> all() {
        return db.read("read the kept summaries", () -> {
            List<Entry> entries = new ArrayList<>();
            try (PreparedStatement select = db.prepare("SELECT * FROM summaries ORDER BY created_at DESC, id DESC");
                 ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    long id = rows.getLong("id");
                    entries.add(new Entry(id, summary(rows, citations(id))));
                }
            }
            return entries;
        });
    }

    /** Forgets the summary and its citations; an unknown id changes nothing. */
    public synchronized void delete(long id) {
        db.deleteById("delete the summary", "summaries", id);
    }

    @Override
    public synchronized void close() {
        db.close();
    }

    private static KeptSummary summary(ResultSet row, List<Locator> citations) throws SQLException {
        long size = row.getLong("file_size");
        boolean stamped = !row.wasNull();
        long modified = row.getLong("file_modified");
        stamped &= !row.wasNull();
        return new KeptSummary(Path.of(row.getString("file_path")),
                stamped ? Optional.of(new FileStamp(size, modified)) : Optional.empty(),
                SummaryStyle.valueOf(row.getString("style")),
                Optional.ofNullable(row.getString("language")).map(Language::ofCode),
                row.getInt("pages"), row.getString("text"), citations,
                Optional.ofNullable(row.getString("warning")), row.getInt("partial") != 0,
                Instant.ofEpochMilli(row.getLong("created_at")));
    }

    private List<Locator> citations(long id) throws SQLException {
        try (PreparedStatement select = db.prepare(
                "SELECT unit, from_number, to_number FROM summary_citations WHERE summary_id = ? ORDER BY position")) {
            select.setLong(1, id);
            try (ResultSet rows = select.executeQuery()) {
                List<Locator> citations = new ArrayList<>();
                while (rows.next()) {
                    citations.add(new Locator(Locator.Unit.valueOf(rows.getString(1)), rows.getInt(2), rows.getInt(3)));
                }
                return citations;
            }
        }
    }
}
