package org.hearth.assistant.route;

import java.net.URI;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.hearth.assistant.engine.EngineException;
import org.hearth.assistant.engine.remote.Outbound;
import org.hearth.assistant.route.anonymise.Placeholders;
import org.hearth.assistant.route.egress.EgressLog;
import org.hearth.assistant.route.egress.EgressLogException;
import org.hearth.assistant.route.egress.EgressRequest;

/**
 * Writes each request of a routed job to the egress log before it is sent: the job's class, target and reason, the
 * user's confirmation and how many values of each kind the job has replaced so far. A request the log cannot take
 * is not sent.
 */
public final class EgressRecorder implements Outbound {

    private final EgressLog log;
    private final JobClass job;
    private final Route route;
    private final String confirmation;
    private final Placeholders placeholders;
    private final boolean keepText;

    /** @param keepText whether the log keeps the exact text of each request (off unless the user turned it on) */
    public EgressRecorder(EgressLog log, JobClass job, Route route, String confirmation, Placeholders placeholders, boolean keepText) {
        this.log = log;
        this.job = job;
        this.route = route;
        this.confirmation = confirmation;
        this.placeholders = placeholders;
        this.keepText = keepText;
    }

    @Override
    public void sending(URI uri, byte[] body) {
        Map<String, Integer> counts = new TreeMap<>();
        placeholders.counts().forEach((type, count) -> counts.put(type.name(), count));
        Target target = route.target().orElseThrow(() -> new IllegalStateException("a local job sends nothing"));
        try {
            log.record(new EgressRequest(job.name().toLowerCase(Locale.ROOT), target.name(), hostAndPort(uri, target),
                    route.describe(), counts, confirmation, keepText), body);
        } catch (EgressLogException e) {
            throw new EngineException(e.getMessage(), e);
        }
    }

    /** The server actually addressed, as the log must name it; the target's own where the URI has no host. */
    private static String hostAndPort(URI uri, Target target) {
        if (uri.getHost() == null) {
            return target.hostAndPort();
        }
        int port = uri.getPort() >= 0 ? uri.getPort() : "https".equals(uri.getScheme()) ? 443 : 80;
        return uri.getHost() + ":" + port;
    }
}
