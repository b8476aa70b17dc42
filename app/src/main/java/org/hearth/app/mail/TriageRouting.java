package org.hearth.app.mail;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.hearth.app.privacy.AnonymiseDocument;
import org.hearth.app.privacy.JobRouting;
import org.hearth.app.privacy.NetworkGate;
import org.hearth.app.secrets.SecretStoreException;
import org.hearth.assistant.engine.Engine;
import org.hearth.assistant.route.Route;
import org.hearth.assistant.route.Target;
import org.hearth.assistant.route.anonymise.AnonymisationException;
import org.hearth.assistant.route.anonymise.Anonymised;
import org.hearth.assistant.route.anonymise.Anonymiser;
import org.hearth.assistant.route.anonymise.KnownEntity;
import org.hearth.assistant.route.anonymise.Placeholders;

/**
 * Where the triage of new mail runs and, when it leaves, what goes: each pending mail's sender, recipients, subject
 * and text, anonymised with the names its headers give. The engine keeps the placeholders of the preview.
 */
public final class TriageRouting {

    /** A triage answer's allowance, for the routing estimate. */
    private static final int ANSWER_TOKENS = 512;

    private final JobRouting routing;

    public TriageRouting(JobRouting routing) {
        this.routing = routing;
    }

    /** The mails on their way out: where they go and why, their text as it would leave, and the job's names. */
    public record Outgoing(Route route, Anonymised text, Placeholders placeholders, List<KnownEntity> known) {

        /** The text exactly as it would leave: anonymised, or as it is for a firm server that takes it so. */
        public Anonymised shown() {
            return route.asSent(text);
        }
    }

    public boolean mayLeave() {
        return routing.mayLeave();
    }

    /** Whether the policy lets a job that leaves go without its preview. */
    public boolean withoutAsking() {
        return routing.withoutAsking();
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
        Route route = routing.route(longest, ANSWER_TOKENS);
        Placeholders placeholders = new Placeholders();
        return new Outgoing(route, new Anonymiser(placeholders, known, Optional.empty()).anonymise(text.toString()), placeholders, known);
    }

    /** @param confirmation how the user allowed it ("preview", "cli --yes") */
    public Engine engine(Outgoing outgoing, String confirmation) throws SecretStoreException {
        return routing.engine(outgoing.route(), confirmation, outgoing.placeholders(), outgoing.known());
    }

    /** Opens the network gate to the target while a triage the user confirmed runs there. */
    public NetworkGate.Permit permit(Target target) {
        return routing.permit(target);
    }
}
