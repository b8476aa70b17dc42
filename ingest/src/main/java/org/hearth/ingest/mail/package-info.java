/**
 * IMAP mail in: accounts ({@link org.hearth.ingest.mail.ImapAccount}), read-only incremental sync by UIDVALIDITY
 * and UID ({@link org.hearth.ingest.mail.MailSync}) and MIME to plain text ({@link org.hearth.ingest.mail.MimeText}).
 * Mail content, subjects, addresses and passwords are never logged and never put into exception messages.
 */
package org.hearth.ingest.mail;
