package org.hearth.ui.inbox;

import java.time.Instant;
import java.util.Comparator;
import org.hearth.ui.service.InboxService.MailItem;
import org.hearth.ui.service.InboxService.Status;

/**
 * The order of the mail list. Mail the model has not (or could not) put a priority on comes first,
 * newest first: its urgency is unknown, so it must not sink under the triaged mail. Triaged mail
 * follows, most urgent first and newest first within a priority.
 */
final class MailOrder {

    static final Comparator<MailItem> TRIAGE = Comparator
            .comparing((MailItem mail) -> mail.status() == Status.OK)
            .thenComparing(MailOrder::rank, Comparator.reverseOrder())
            .thenComparing((MailItem mail) -> mail.date().orElse(Instant.MIN), Comparator.reverseOrder())
            .thenComparing(MailItem::id);

    private MailOrder() {
    }

    /** The priority where there is one; the triage fields of other mails hold nothing to go by. */
    private static int rank(MailItem mail) {
        return mail.status() == Status.OK ? mail.priority() : 0;
    }
}
