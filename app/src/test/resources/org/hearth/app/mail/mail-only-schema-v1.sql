-- hearth.db as Hearth wrote it before the local state owner (commit c8d17de): the mail tables alone,
-- versioned with user_version. Taken verbatim from that code's MailDatabase.MIGRATIONS, plus one account,
-- one triaged mail and one correction.
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
PRAGMA user_version = 1;
INSERT INTO accounts (id, name, host, port, security, user, folder, sign_in, trusted_certificate, write_back,
    uid_validity, highest_uid, created_at)
    VALUES ('a', 'Kanzlei a', 'imap.example.de', 993, 'IMAPS', 'kanzlei', 'INBOX', 'PASSWORD', NULL, 1, 7, 5, 1763625600000);
INSERT INTO mails (account_id, uid_validity, uid, message_id, sender, subject, sent_at, body, attachments, parse_problem,
    status, error, triage, model_text, corrected_category, corrected_priority)
    VALUES ('a', 7, 5, '<5@example.de>', 'Gericht <poststelle@justiz.example>', 'Verfügung 5', 1763625600000, 'Text 5',
    '[{"name":"verfuegung.pdf","mimeType":"application/pdf","size":1234}]', NULL, 'OK', NULL,
    '{"reason":"Gericht setzt Frist","category":"court_or_authority","priority":5,"needs_reply":true,"deadlines":[{"date":"2026-12-01","what":"Replik","quote":"bis zum 1.12.2026"}],"file_numbers":["12 O 345/24"],"summary":"Frist zur Replik","next_step":"Replik entwerfen"}',
    '<mail>Text 5</mail>', NULL, NULL);
INSERT INTO corrections (excerpt, category, priority) VALUES ('Gericht: Verfügung 3', 'SPAM_OR_PHISHING', 1);
