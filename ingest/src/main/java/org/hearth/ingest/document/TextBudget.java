package org.hearth.ingest.document;

/**
 * The text one document may still bring into the app, counted as the worker's frames are read, so
 * the app's memory is bounded by the request's limit and not by what the worker sends.
 */
final class TextBudget {

    private final int maxCharacters;
    private int taken;
    private boolean passed;
    private boolean reported;

    TextBudget(int maxCharacters) {
        this.maxCharacters = maxCharacters;
    }

    int remaining() {
        return maxCharacters - taken;
    }

    void take(int characters, boolean cut) {
        taken += characters;
        passed |= cut;
    }

    /** The worker sent more than the limit; what was past it was dropped. */
    boolean passed() {
        return passed;
    }

    /** True once, the first time it is asked after the limit was passed. */
    boolean passedUnreported() {
        if (passed && !reported) {
            reported = true;
            return true;
        }
        return false;
    }
}
