package org.hearth.ui;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.hearth.assistant.task.triage.TriageCategory;
import org.hearth.ui.service.InboxService.AttachmentInfo;
import org.hearth.ui.service.InboxService.Deadline;
import org.hearth.ui.service.InboxService.MailItem;
import org.hearth.ui.service.InboxService.Status;

/** Builds the mails the fake inbox holds: triaged with a label unless told otherwise. */
final class Mails {

    private final String id;
    private String accountId = "acc-1";
    private String from = "";
    private String subject = "";
    private Optional<Instant> date = Optional.empty();
    private Status status = Status.OK;
    private Optional<String> error = Optional.empty();
    private TriageCategory category = TriageCategory.OTHER;
    private int priority = 3;
    private boolean needsReply;
    private String summary = "";
    private String reason = "";
    private String nextStep = "";
    private final List<Deadline> deadlines = new ArrayList<>();
    private final List<String> fileNumbers = new ArrayList<>();
    private final List<AttachmentInfo> attachments = new ArrayList<>();
    private final List<String> to = new ArrayList<>();
    private String body = "";
    private String modelText = "";
    private boolean corrected;

    private Mails(String id) {
        this.id = id;
    }

    static Mails mail(String id) {
        return new Mails(id);
    }

    Mails account(String value) {
        accountId = value;
        return this;
    }

    Mails from(String value) {
        from = value;
        return this;
    }

    Mails subject(String value) {
        subject = value;
        return this;
    }

    /** @param instant e.g. "2026-01-14T09:12:00Z" */
    Mails received(String instant) {
        date = Optional.of(Instant.parse(instant));
        return this;
    }

    Mails pending() {
        status = Status.PENDING;
        return this;
    }

    Mails failed(String why) {
        status = Status.FAILED;
        error = Optional.of(why);
        return this;
    }

    Mails label(TriageCategory value, int newPriority) {
        category = value;
        priority = newPriority;
        return this;
    }

    Mails needsReply() {
        needsReply = true;
        return this;
    }

    Mails summary(String value) {
        summary = value;
        return this;
    }

    Mails reason(String value) {
        reason = value;
        return this;
    }

    Mails nextStep(String value) {
        nextStep = value;
        return this;
    }

    Mails deadline(LocalDate day, String what, String quote) {
        deadlines.add(new Deadline(day, what, quote));
        return this;
    }

    Mails fileNumber(String value) {
        fileNumbers.add(value);
        return this;
    }

    Mails attachment(String name, String mimeType, long size) {
        attachments.add(new AttachmentInfo(name, mimeType, size));
        return this;
    }

    Mails to(String recipient) {
        to.add(recipient);
        return this;
    }

    Mails body(String value) {
        body = value;
        return this;
    }

    Mails modelText(String value) {
        modelText = value;
        return this;
    }

    Mails corrected() {
        corrected = true;
        return this;
    }

    MailItem build() {
        return new MailItem(accountId, id, from, to, subject, date, status, error, category, priority, needsReply, summary,
                reason, nextStep, deadlines, fileNumbers, attachments, body, modelText, corrected);
    }
}
