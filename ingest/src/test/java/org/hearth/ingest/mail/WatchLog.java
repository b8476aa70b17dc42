package org.hearth.ingest.mail;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * What a watcher reported, as short strings in order: "NEW_MAIL", a state name, or a state and the failure's
 * kind ("RECONNECTING:CONNECTION_LOST"). Tests wait for an event rather than for time.
 */
final class WatchLog implements MailWatcher.Listener {

    static final String NEW_MAIL = "NEW_MAIL";
    private static final long TIMEOUT_SECONDS = 30;

    private final BlockingQueue<String> events = new LinkedBlockingQueue<>();
    private volatile Consumer<MailWatcher.State> onState = state -> { };

    /** Runs {@code action} on the watcher's thread as each state is reported, before it is logged. */
    void onState(Consumer<MailWatcher.State> action) {
        onState = action;
    }

    @Override
    public void newMail() {
        events.add(NEW_MAIL);
    }

    @Override
    public void state(MailWatcher.State state, Optional<MailSyncException> why) {
        onState.accept(state);
        events.add(state + why.map(e -> ":" + e.kind()).orElse(""));
    }

    /** The events up to and including the first equal to {@code event}; fails if it does not come in time. */
    List<String> until(String event) throws InterruptedException {
        List<String> seen = new ArrayList<>();
        while (true) {
            String next = events.poll(TIMEOUT_SECONDS, TimeUnit.SECONDS);
            assertThat(next).as("event %s within %d s; before it: %s", event, TIMEOUT_SECONDS, seen).isNotNull();
            seen.add(next);
            if (next.equals(event)) {
                return seen;
            }
        }
    }

    /** Events reported but not yet taken by {@link #until}. */
    List<String> rest() {
        List<String> rest = new ArrayList<>();
        events.drainTo(rest);
        return rest;
    }
}
