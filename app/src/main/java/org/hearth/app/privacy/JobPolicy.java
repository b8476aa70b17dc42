package org.hearth.app.privacy;

import java.util.List;
import org.hearth.assistant.route.Target;

/**
 * What the user allowed for one kind of job, read when a job starts: the servers it may go to, and whether it may go
 * there without its preview. Never without asking by default; a server named for one run always asks.
 */
public record JobPolicy(List<Target> allowed, boolean withoutAsking) {

    public JobPolicy {
        allowed = List.copyOf(allowed);
        withoutAsking = withoutAsking && !allowed.isEmpty();
    }

    public boolean mayLeave() {
        return !allowed.isEmpty();
    }

    /** How the egress log names the user's consent: the policy's, or what they confirmed ("preview", "cli --yes"). */
    public String consent(String confirmed) {
        return withoutAsking ? "policy" : confirmed;
    }
}
