package org.hearth.app.documents;

import java.util.List;
import org.hearth.app.state.FeatureSchema;

/**
 * The summaries feature's tables in hearth.db: each summary the window finished (or cancelled with text), and the
 * pages or paragraphs it cites. Append a step to change them; a released step never changes (see
 * {@link FeatureSchema}).
 */
final class SummariesSchema {

    static final FeatureSchema SCHEMA = new FeatureSchema("summaries", List.of("""
            CREATE TABLE summaries (
                id INTEGER PRIMARY KEY AUTOINCREMENT,
                file_path TEXT NOT NULL,
                file_size INTEGER,
                file_modified INTEGER,
                style TEXT NOT NULL,
                language TEXT,
                pages INTEGER NOT NULL,
                text TEXT NOT NULL,
                warning TEXT,
                partial INTEGER NOT NULL,
                created_at INTEGER NOT NULL);
            CREATE TABLE summary_citations (
                summary_id INTEGER NOT NULL REFERENCES summaries(id) ON DELETE CASCADE,
                position INTEGER NOT NULL,
                unit TEXT NOT NULL,
                from_number INTEGER NOT NULL,
                to_number INTEGER NOT NULL,
                PRIMARY KEY (summary_id, position));
            """));

    private SummariesSchema() {
    }
}
