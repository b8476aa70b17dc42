package org.hearth.app.drafting;

import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.hearth.app.state.LocalState;
import org.hearth.app.state.StateConnection;
import org.hearth.assistant.engine.Usage;
import org.hearth.assistant.task.draft.FieldProposal;
import org.hearth.ingest.template.TemplateField;

/**
 * Drafts and their field evidence in hearth.db, so a draft can be reopened with where each value came from. A draft
 * and its fields are written in one transaction. Thread-safe: one connection, one caller at a time.
 */
public final class DraftStore implements AutoCloseable {

    /** A kept draft, the id it is deleted by and when it was written. */
    public record Entry(long id, DraftFromTemplate.Draft draft, Instant created) {
    }

    private final StateConnection db;

    public DraftStore(LocalState state) {
        state.register(DraftsSchema.SCHEMA);
        this.db = state.connect();
    }

    /** Keeps the draft; returns its id. */
    public synchronized long keep(DraftFromTemplate.Draft draft, Instant created) {
        return db.write("keep the draft", () -> {
            try (PreparedStatement insert = db.prepare("INSERT INTO drafts (template_path, out_path, created_at) VALUES (?,?,?)")) {
                insert.setString(1, draft.template().toString());
                insert.setString(2, draft.out().toString());
                insert.setLong(3, created.toEpochMilli());
                insert.executeUpdate();
            }
            long id = db.lastInsertId();
            try (PreparedStatement insert = db.prepare("INSERT INTO draft_fields (draft_id, position, name, kind, description, "
                    + "status, value, source_file, page, paragraph, quote, verified) VALUES (?,?,?,?,?,?,?,?,?,?,?,?)")) {
                for (int position = 0; position < draft.fields().size(); position++) {
                    DraftFromTemplate.Field field = draft.fields().get(position);
                    Optional<DraftFromTemplate.Evidence> evidence = field.evidence();
                    insert.setLong(1, id);
                    insert.setInt(2, position);
                    insert.setString(3, field.name());
                    insert.setString(4, field.kind().name());
                    insert.setString(5, field.description());
                    insert.setString(6, field.status().name());
                    insert.setString(7, field.value());
                    insert.setString(8, evidence.map(e -> e.file().toString()).orElse(null));
                    insert.setObject(9, evidence.flatMap(e -> boxed(e.page())).orElse(null));
                    insert.setObject(10, evidence.flatMap(e -> boxed(e.paragraph())).orElse(null));
                    insert.setString(11, evidence.map(DraftFromTemplate.Evidence::quote).orElse(null));
                    insert.setObject(12, evidence.map(e -> e.verified() ? 1 : 0).orElse(null));
                    insert.executeUpdate();
                }
            }
            return id;
        });
    }

    /** Every kept draft, newest first. */
    public synchronized List<Entry> all() {
        return db.read("read the kept drafts", () -> {
            List<Entry> entries = new ArrayList<>();
            try (PreparedStatement select = db.prepare("SELECT * FROM drafts ORDER BY created_at DESC, id DESC");
                 ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    long id = rows.getLong("id");
                    DraftFromTemplate.Draft draft = new DraftFromTemplate.Draft(Path.of(rows.getString("template_path")),
                            Path.of(rows.getString("out_path")), fields(id), Usage.NONE);
                    entries.add(new Entry(id, draft, Instant.ofEpochMilli(rows.getLong("created_at"))));
                }
            }
            return entries;
        });
    }

    /** Forgets the draft and its evidence (not the written file); an unknown id changes nothing. */
    public synchronized void delete(long id) {
        db.deleteById("delete the draft", "drafts", id);
    }

    @Override
    public synchronized void close() {
        db.close();
    }

    private List<DraftFromTemplate.Field> fields(long id) throws SQLException {
        try (PreparedStatement select = db.prepare("SELECT * FROM draft_fields WHERE draft_id = ? ORDER BY position")) {
            select.setLong(1, id);
            try (ResultSet rows = select.executeQuery()) {
                List<DraftFromTemplate.Field> fields = new ArrayList<>();
                while (rows.next()) {
                    String file = rows.getString("source_file");
                    Optional<DraftFromTemplate.Evidence> evidence = file == null ? Optional.empty()
                            : Optional.of(new DraftFromTemplate.Evidence(Path.of(file), optionalInt(rows, "page"),
                                    optionalInt(rows, "paragraph"), rows.getString("quote"), rows.getInt("verified") != 0));
                    fields.add(new DraftFromTemplate.Field(rows.getString("name"), TemplateField.Kind.valueOf(rows.getString("kind")),
                            rows.getString("description"), FieldProposal.Status.valueOf(rows.getString("status")),
                            rows.getString("value"), evidence));
                }
                return fields;
            }
        }
    }

    private static Optional<Integer> boxed(OptionalInt number) {
        return number.isPresent() ? Optional.of(number.getAsInt()) : Optional.empty();
    }

    private static OptionalInt optionalInt(ResultSet row, String column) throws SQLException {
        int number = row.getInt(column);
        return row.wasNull() ? OptionalInt.empty() : OptionalInt.of(number);
    }
}
