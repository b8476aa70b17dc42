package org.hearth.ui.service;

import java.util.List;
import java.util.Optional;
import org.hearth.assistant.route.JobClass;
import org.hearth.assistant.route.Target;
import org.hearth.assistant.route.egress.EgressEntry;
import org.hearth.assistant.route.egress.Verification;

/**
 * The servers a job may go to, which kind of job may go where, and the record of what left. Every call may touch
 * the disk or the keychain: the window makes them off the JavaFX thread. A refusal comes as an
 * {@link IllegalArgumentException} whose message names what is wrong.
 */
public interface RoutingService {

    List<Target> targets();

    /**
     * Saves a server; its API key (empty = none) goes to the system keychain, never to a file or a log.
     * The caller may wipe {@code apiKey} afterwards.
     */
    void addTarget(Target target, char[] apiKey);

    /** Forgets a server, its key and every permission to use it. */
    void removeTarget(String name);

    /** The server this kind of job may go to; empty = it runs on this machine only. */
    Optional<String> allowed(JobClass job);

    /** Whether this kind of job goes to its server without showing what goes first. */
    boolean withoutAsking(JobClass job);

    /** @param withoutAsking send without the preview; only with a server */
    void allow(JobClass job, Optional<String> targetName, boolean withoutAsking);

    /** Whether the egress log keeps the exact text of each request; off unless the user turns it on. */
    boolean keepsSentText();

    void keepSentText(boolean keep);

    /** Every request that left, oldest first; an unreadable log is an {@link IllegalStateException}. */
    List<EgressEntry> egressEntries();

    /** Checks the log's chain: intact, or the first line that does not fit. */
    Verification verifyEgress();
}
