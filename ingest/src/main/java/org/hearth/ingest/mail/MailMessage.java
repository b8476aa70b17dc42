package org.hearth.ingest.mail;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * One synced message as text. {@code bodyText} is what the author wrote in this mail (hidden HTML removed);
 * the quoted history and the signature are kept apart. {@code parseProblem} says what was wrong with a message
 * that could only partly be read (the text is then best effort); it never names mail content.
 */
public record MailMessage(long uidValidity, long uid, String messageId, String from, List<String> to,
                          Optional<Instant> date, String subject, String bodyText, String quotedText,
                          String signature, List<Attachment> attachments, boolean truncated,
                          Optional<String> parseProblem) {

    public MailMessage {
        to = List.copyOf(to);
        attachments = List.copyOf(attachments);
    }

    /** The cursor to store once this message is handled. */
    public SyncCursor cursor() {
        return new SyncCursor(uidValidity, uid);
    }

    /** Without content, subject or addresses, so it is safe in a log line. */
    @Override
    public String toString() {
        return "MailMessage[uidValidity=" + uidValidity + ", uid=" + uid + ", attachments=" + attachments.size()
                + ", truncated=" + truncated + ", problem=" + parseProblem.isPresent() + "]";
    }
}
