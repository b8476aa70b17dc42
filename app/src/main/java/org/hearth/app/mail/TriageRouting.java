package org.hearth.app.mail;

import java.util.ArrayList;
import java.util.List;
import org.hearth.app.privacy.AnonymiseDocument;
import org.hearth.app.privacy.JobRouting;
import org.hearth.app.privacy.Outgoing;
import org.hearth.app.privacy.RoutedJob;
import org.hearth.assistant.route.anonymise.AnonymisationException;
import org.hearth.assistant.route.anonymise.KnownEntity;

/**
 * Where the triage of new mail runs and, when it leaves, what goes: each pending mail's sender, recipients, subject
 * and text, anonymised with the names its headers give. The engine keeps the placeholders of the preview.
 */
public final class TriageRouting extends RoutedJob {

    /** A triage answer's allowance, for the routing estimate. */
    private static final int ANSWER_TOKENS = 512;

    public TriageRouting(JobRouting routing) {
        super(routing, ANSWER_TOKENS);
    }

    public Outgoing outgoing(List<StoredMail> pending) throws AnonymisationException {
        List<KnownEntity> known = new ArrayList<>();
        StringBuilder text = new StringBuilder();
        for (StoredMail mail : pending) {
            known.addAll(AnonymiseDocument.knownFromAddresses(mail.from()));
            mail.to().forEach(to -> known.addAll(AnonymiseDocument.knownFromAddresses(to)));
            text.append(text.isEmpty() ? "" : "\n\n---\n\n").append("From: ").append(mail.from()).append("\nTo: ")
                    .append(String.join(", ", mail.to())).append("\nSubject: ").append(mail.subject()).append("\n\n").append(mail.body());
        }
        // each mail is one request: the step that has to fit a server is the longest mail, not all of them
        long longest = pending.stream().mapToLong(mail -> mail.body().length() + mail.subject().length()).max().orElse(0);
        return outgoing(text.toString(), longest, known);
    }

}
