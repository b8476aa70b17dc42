package org.hearth.app.mail;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.hearth.assistant.task.triage.TriageCategory;
import org.hearth.assistant.task.triage.TriageResult;
import org.hearth.ingest.mail.Attachment;
import org.hearth.ui.service.InboxService.Status;

/**
 * A fetched mail as stored, with its triage once there is one.
 *
 * @param to           the recipients as written in the mail; empty for mails stored before they were kept
 * @param body         the text triage works from (the author's text; quoted history and signature left out)
 * @param triageJson   the model's answer exactly as written (schema-valid), when {@code status} is OK
 * @param modelText    the mail exactly as the model saw it, fenced and cut to fit
 * @param correction   the user's label, which replaces the model's category and priority
 */
public record StoredMail(String accountId, MailKey key, String messageId, String from, List<String> to, String subject,
                         Optional<Instant> sentAt, String body, List<Attachment> attachments,
                         Optional<String> parseProblem, Status status, Optional<String> error,
                         Optional<TriageResult> triage, Optional<String> triageJson, Optional<String> modelText,
                         Optional<Correction> correction) {

    public record Correction(TriageCategory category, int priority) {
    }

    public StoredMail {
        to = List.copyOf(to);
        attachments = List.copyOf(attachments);
    }

    /** The category that counts: the user's if they corrected it, else the model's. */
    public Optional<TriageCategory> category() {
        return correction.map(Correction::category).or(() -> triage.map(TriageResult::category));
    }

    /** The priority that counts (5 = act today), or 0 while there is none. */
    public int priority() {
        return correction.map(Correction::priority).or(() -> triage.map(TriageResult::priority)).orElse(0);
    }

    /** Without content, subject or addresses, so it is safe in a log line. */
    @Override
    public String toString() {
        return "StoredMail[" + accountId + " " + key + " " + status + "]";
    }
}
