package org.hearth.assistant.task.reply;

import java.util.Objects;

/**
 * The mail to answer, as the user reads it.
 *
 * @param from    the sender as written in the mail ("Name <address>")
 * @param body    the author's text as plain text
 */
public record ReplyMail(String from, String subject, String body) {

    public ReplyMail {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(body, "body");
    }
}
