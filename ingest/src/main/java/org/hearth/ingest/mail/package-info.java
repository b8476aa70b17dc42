/**
 * IMAP mail in: accounts ({@link org.hearth.ingest.mail.ImapAccount}) and how they log in
 * ({@link org.hearth.ingest.mail.MailCredentials}: password or OAuth token), read-only incremental sync by
 * UIDVALIDITY and UID ({@link org.hearth.ingest.mail.MailSync}), watching a folder for new mail
 * ({@link org.hearth.ingest.mail.MailWatcher}), MIME to plain text ({@link org.hearth.ingest.mail.MimeText}) and
 * the one opt-in write, Hearth's own keywords ({@link org.hearth.ingest.mail.KeywordWriter}). All of them connect
 * through one package-private connector, always encrypted. Mail content, subjects, addresses, passwords and tokens
 * are never logged and never put into exception messages.
 */
package org.hearth.ingest.mail;
