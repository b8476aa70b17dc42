package org.hearth.ingest.document;

/**
 * What the parent hears from a worker process while it reads one document. All but {@link Exited}
 * arrive over the worker's stdout; {@code Exited} is added by the parent when that stream ends.
 */
sealed interface WorkerFrame {

    record Progress(int done, int total) implements WorkerFrame { }

    record Metadata(String key, String value) implements WorkerFrame { }

    record Block(TextBlock block) implements WorkerFrame { }

    /** The document was read completely; every block has been sent before this. */
    record Done(int pageCount) implements WorkerFrame { }

    /** The document could not be read; the message is already worded for people. */
    record Failed(DocumentException.Kind kind, String message) implements WorkerFrame { }

    /** The worker process ended, e.g. by running out of its heap. */
    record Exited(int exitCode) implements WorkerFrame { }
}
