package org.hearth.app.privacy;

import java.util.List;
import org.hearth.app.state.FeatureSchema;

/**
 * The routing feature's tables in hearth.db: the servers a job may go to (never their API keys: those are in the
 * keychain under {@code secret_key}) and, per kind of job, which of them the user allowed and whether it may go
 * there without its preview, and whether the egress log keeps the text that was sent (off until the user turns it
 * on). Append a step to change
 * them; a released step never changes.
 */
final class RoutingSchema {

    static final FeatureSchema SCHEMA = new FeatureSchema("routing", List.of("""
            CREATE TABLE targets (
                name TEXT PRIMARY KEY,
                kind TEXT NOT NULL,
                url TEXT NOT NULL,
                model TEXT NOT NULL,
                context_length INTEGER NOT NULL,
                anonymise INTEGER NOT NULL,
                price_in REAL,
                price_out REAL,
                secret_key TEXT NOT NULL,
                has_key INTEGER NOT NULL,
                created_at INTEGER NOT NULL);
            CREATE TABLE policy (
                job_class TEXT NOT NULL,
                target TEXT NOT NULL REFERENCES targets(name) ON DELETE CASCADE,
                PRIMARY KEY (job_class, target));
            """, """
            CREATE TABLE without_asking (job_class TEXT PRIMARY KEY);
            """, """
            CREATE TABLE egress_text (keep INTEGER NOT NULL);
            INSERT INTO egress_text (keep) VALUES (0);
            """));

    private RoutingSchema() {
    }
}
