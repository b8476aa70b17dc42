package org.hearth.app.mail;

import java.util.List;
import org.hearth.assistant.task.triage.TriageCategory;
import org.hearth.assistant.task.triage.TriageResult;
import org.hearth.ui.service.InboxService;

/** A stored mail as the Inbox tab shows it. */
final class MailItems {

    private MailItems() {
    }

    static InboxService.MailItem of(StoredMail mail) {
        TriageResult triage = mail.triage().orElse(null);
        TriageCategory category = mail.category().orElse(TriageCategory.OTHER);
        List<InboxService.Deadline> deadlines = triage == null ? List.of()
                : triage.deadlines().stream().map(d -> new InboxService.Deadline(d.date(), d.what(), d.quote())).toList();
        return new InboxService.MailItem(mail.accountId(), mail.key().toString(), mail.from(), mail.to(), mail.subject(), mail.sentAt(),
                mail.status(), mail.error(), category, mail.priority(), triage != null && triage.needsReply(),
                triage == null ? "" : triage.summary(), triage == null ? "" : triage.reason(),
                triage == null ? "" : triage.nextStep(), deadlines, triage == null ? List.of() : triage.fileNumbers(),
                mail.attachments().stream().map(a -> new InboxService.AttachmentInfo(a.name(), a.mimeType(), a.size())).toList(),
                mail.body(), mail.modelText().orElse(mail.body()), mail.correction().isPresent());
    }
}
