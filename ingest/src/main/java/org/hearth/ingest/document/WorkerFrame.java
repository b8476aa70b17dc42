package org.hearth.ingest.document;

/**
 * What the parent hears from a worker process while it reads one document. All but {@link Exited}
 * arrive over the worker's stdout; {@code Exited} is added by the parent when that stream ends.
 */
sealed interface WorkerFrame {

    record Progress(int done, int total) implements WorkerFrame { }

    record Metadata(String key, String value) implements WorkerFrame { }

    record Block(TextBlock block) implements WorkerFrame { }

    /** The worker stopped at the text limit; {@link Done} follows. */
    record LimitReached(TextLimitReached reached) implements WorkerFrame { }

    /**
     * Added by the parent when the worker sent more text than the limit allows (a worker out of step
     * with the request): the block before it was cut to the limit, later text is dropped unread.
     */
    record LimitPassed() implements WorkerFrame { }

    /** The document was read completely (or up to {@link LimitReached}); every block has been sent before this. */
    record Done(int pageCount) implements WorkerFrame { }

    /** The document could not be read; the message is already worded for people. */
    record Failed(DocumentException.Kind kind, String message) implements WorkerFrame { }

    /** The worker process ended, e.g. by running out of its heap. */
    record Exited(int exitCode) implements WorkerFrame { }
}
