package org.hearth.assistant.task.triage;

import java.time.OffsetDateTime;
import java.util.Objects;

/**
 * One mail as triage sees it: plain text only (the app maps the mail store's messages to this, so
 * the assistant does not depend on ingest).
 *
 * @param uid      the caller's key for the mail; results carry it back
 * @param date     when it was sent, in the sender's offset, or null when unknown
 * @param bodyText the body as plain text (quoted history and signature may already be removed)
 */
public record TriageMail(String uid, String from, String subject, OffsetDateTime date, String bodyText) {

    public TriageMail {
        Objects.requireNonNull(uid, "uid");
        from = from == null ? "" : from;
        subject = subject == null ? "" : subject;
        bodyText = bodyText == null ? "" : bodyText;
    }
}
