package org.hearth.app.privacy;

import java.util.List;
import org.hearth.assistant.route.Route;
import org.hearth.assistant.route.anonymise.Anonymised;
import org.hearth.assistant.route.anonymise.KnownEntity;
import org.hearth.assistant.route.anonymise.Placeholders;

/**
 * A job's text on its way out: where it goes and why, the text anonymised with the job's placeholders (which its
 * engine keeps using, so what is sent uses the numbering the preview showed), and the names the job knew before.
 */
public record Outgoing(Route route, Anonymised text, Placeholders placeholders, List<KnownEntity> known) {

    public Outgoing {
        known = List.copyOf(known);
    }

    /** The text exactly as it would leave: anonymised, or as it is for a firm server that takes it so. */
    public Anonymised shown() {
        return route.asSent(text);
    }
}
