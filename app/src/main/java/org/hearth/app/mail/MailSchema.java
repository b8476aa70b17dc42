package org.hearth.app.mail;

import java.util.List;
import org.hearth.app.state.FeatureSchema;

/**
 * The mail feature's tables in hearth.db: accounts with their sync cursor, fetched mails with their triage, and
 * the user's corrections. Append a step to change them; a released step never changes (see
 * {@link FeatureSchema}). Step 1 is the schema hearth.db had when it held nothing but mail.
 */
final class MailSchema {

    static final FeatureSchema SCHEMA = new FeatureSchema("mail", List.of("""
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
            """));

    private MailSchema() {
    }
}
