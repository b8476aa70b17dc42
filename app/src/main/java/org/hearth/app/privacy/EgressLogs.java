package org.hearth.app.privacy;

import java.time.Clock;
import org.hearth.app.HearthPaths;
import org.hearth.assistant.route.egress.EgressLog;

/** The egress log in Hearth's data folder ({@code audit/}). */
public final class EgressLogs {

    private EgressLogs() {
    }

    public static EgressLog in(HearthPaths paths) {
        return new EgressLog(paths.audit(), Clock.systemUTC());
    }
}
