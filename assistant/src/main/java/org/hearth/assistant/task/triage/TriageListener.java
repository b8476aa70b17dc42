package org.hearth.assistant.task.triage;

/** Hears about a triage run as it goes. Called on the triaging thread; keep it quick. */
public interface TriageListener {

    /** One mail is done (in the order mails finish, not the order they were given). */
    default void onOutcome(TriageOutcome outcome) {
    }

    default void onProgress(int done, int total) {
    }

    static TriageListener ignore() {
        return new TriageListener() { };
    }
}
