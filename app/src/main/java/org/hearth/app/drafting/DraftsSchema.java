package org.hearth.app.drafting;

import java.util.List;
import org.hearth.app.state.FeatureSchema;

/**
 * The drafting feature's tables in hearth.db: each written draft (its template and output file) and per field the
 * value, its status and the evidence behind it. Append a step to change them; a released step never changes (see
 * {@link FeatureSchema}).
 */
final class DraftsSchema {

    static final FeatureSchema SCHEMA = new FeatureSchema("drafts", List.of("""
            CREATE TABLE drafts (
                id INTEGER PRIMARY KEY AUTOINCREMENT,
                template_path TEXT NOT NULL,
                out_path TEXT NOT NULL,
                created_at INTEGER NOT NULL);
            CREATE TABLE draft_fields (
                draft_id INTEGER NOT NULL REFERENCES drafts(id) ON DELETE CASCADE,
                position INTEGER NOT NULL,
                name TEXT NOT NULL,
                kind TEXT NOT NULL,
                description TEXT NOT NULL,
                status TEXT NOT NULL,
                value TEXT NOT NULL,
                source_file TEXT,
                page INTEGER,
                paragraph INTEGER,
                quote TEXT,
                verified INTEGER,
                PRIMARY KEY (draft_id, position));
            """));

    private DraftsSchema() {
    }
}
