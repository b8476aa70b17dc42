package org.hearth.ui.inbox;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Date;
import java.util.Optional;
import org.hearth.assistant.task.triage.TriageCategory;
import org.hearth.ingest.mail.ImapAccount.Security;
import org.hearth.ui.common.Message;
import org.hearth.ui.service.InboxService.AccountException;
import org.hearth.ui.service.InboxService.InboxRun.Failure;
import org.hearth.ui.service.InboxService.InboxRun.Stage;
import org.hearth.ui.service.InboxService.InboxRun.Summary;
import org.hearth.ui.service.InboxService.SignIn;

/** The Inbox's sentences as bundle keys with their arguments, so a language switch re-words them. */
final class InboxWording {

    private InboxWording() {
    }

    /** The run's line, e.g. "Triaging mail 12 of 150"; without counts while the total is not known yet. */
    static Message stage(Stage stage, long done, long total) {
        boolean counted = done > 0 && total > 0;
        return switch (stage) {
            case CONNECTING -> Message.of("inbox.stage.connecting");
            case FETCHING -> counted
                    ? Message.of("inbox.stage.fetching", done, total)
                    : Message.of("inbox.stage.fetchingStarted");
            case WAITING_FOR_MODEL -> Message.of("inbox.stage.waitingForModel");
            case TRIAGING -> counted
                    ? Message.of("inbox.stage.triaging", done, total)
                    : Message.of("inbox.stage.triagingStarted");
        };
    }

    static Message done(Summary summary) {
        if (summary.fetched() == 0 && summary.triaged() == 0) {
            return Message.of("inbox.run.upToDate");
        }
        return summary.failed() == 0
                ? Message.of("inbox.run.done", summary.fetched(), summary.triaged())
                : Message.of("inbox.run.doneWithFailures", summary.fetched(), summary.triaged(), summary.failed());
    }

    static Message runFailure(Failure.Reason reason) {
        return Message.of("inbox.runFailure." + reason.name());
    }

    static Message accountFailure(AccountException.Reason reason) {
        return Message.of("inbox.accountFailure." + reason.name());
    }

    static Message category(TriageCategory category) {
        return Message.of("inbox.category." + category.name());
    }

    /** "All categories" for the empty filter. */
    static Message filter(Optional<TriageCategory> category) {
        return category.map(InboxWording::category).orElse(Message.of("inbox.filter.all"));
    }

    /** E.g. "5 · very urgent". */
    static Message priority(int priority) {
        return Message.of("inbox.priority", priority);
    }

    static Message signIn(SignIn signIn) {
        return Message.of("inbox.signIn." + signIn.name());
    }

    static Message security(Security security) {
        return Message.of("inbox.security." + security.name());
    }

    /** The time for today's mail, day and month for this year's, the full date for older mail. */
    static Message received(Instant when, LocalDate today) {
        LocalDate day = when.atZone(ZoneId.systemDefault()).toLocalDate();
        String key = day.equals(today) ? "inbox.date.time"
                : day.getYear() == today.getYear() ? "inbox.date.thisYear"
                : "inbox.date.day";
        return Message.of(key, Date.from(when));
    }

    /** MessageFormat formats {@link Date}s, in the system's time zone like {@link #received}. */
    static Date date(LocalDate day) {
        return Date.from(day.atStartOfDay(ZoneId.systemDefault()).toInstant());
    }
}
