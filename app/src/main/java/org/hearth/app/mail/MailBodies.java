package org.hearth.app.mail;

import java.util.Locale;
import org.hearth.ingest.mail.Attachment;
import org.hearth.ingest.mail.MailMessage;

/** The text of a mail that triage works from. */
final class MailBodies {

    private MailBodies() {
    }

    /**
     * What the author wrote, or the quoted history when that is all there is (a bare forward), followed by the
     * attachments' names: "Rechnung_2026-11.pdf" says a lot about a mail that says little.
     */
    static String forTriage(MailMessage message) {
        StringBuilder text = new StringBuilder(message.bodyText().isBlank() ? message.quotedText() : message.bodyText());
        if (!message.attachments().isEmpty()) {
            text.append(text.isEmpty() ? "" : "\n\n").append("[Attachments: ");
            for (int i = 0; i < message.attachments().size(); i++) {
                Attachment attachment = message.attachments().get(i);
                text.append(i == 0 ? "" : ", ").append(attachment.name()).append(" (")
                        .append(attachment.mimeType().toLowerCase(Locale.ROOT)).append(')');
            }
            text.append(']');
        }
        return text.toString().strip();
    }

    /** Nothing to triage: the message could not be parsed and yielded no text at all. */
    static boolean unreadable(MailMessage message) {
        return message.parseProblem().isPresent() && forTriage(message).isBlank() && message.subject().isBlank();
    }
}
