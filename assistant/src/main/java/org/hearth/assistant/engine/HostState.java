package org.hearth.assistant.engine;

/** What a {@link ModelHost} is doing; listeners hear every change. */
public sealed interface HostState {

    /** Words for logs and the command line, e.g. "ready" or "busy: 2 jobs"; the window words its own. */
    String describe();

    /** No model loaded and none coming yet: leases wait. */
    record Empty() implements HostState {
        @Override
        public String describe() {
            return "no model";
        }
    }

    /** A model is being read into memory: leases wait for it. */
    record Loading(String modelName, double fraction) implements HostState {
        @Override
        public String describe() {
            return "loading " + modelName + " " + Math.round(fraction * 100) + "%";
        }
    }

    /** A model serves jobs; {@code leases} of them hold it right now. */
    record Ready(String modelName, int leases) implements HostState {
        public boolean busy() {
            return leases > 0;
        }

        @Override
        public String describe() {
            return busy() ? jobs("busy: ", leases) : "ready";
        }
    }

    /**
     * The model is being swapped or unloaded and waits for its {@code leases} to close; new leases wait for
     * the next model. {@code cancelling}: the leases were asked to stop rather than left to finish.
     */
    record Draining(String modelName, int leases, boolean cancelling) implements HostState {
        @Override
        public String describe() {
            return jobs(cancelling ? "cancelling " : "waiting for ", leases) + " before replacing " + modelName;
        }
    }

    /** The last load failed, or no model will come; leases fail with {@code message} until the next load. */
    record Failed(String message) implements HostState {
        @Override
        public String describe() {
            return "failed: " + message;
        }
    }

    private static String jobs(String prefix, int count) {
        return prefix + count + (count == 1 ? " job" : " jobs");
    }
}
