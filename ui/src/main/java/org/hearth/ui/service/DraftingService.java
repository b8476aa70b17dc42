package org.hearth.ui.service;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.hearth.assistant.task.draft.FieldProposal;

/**
 * The firm's DOCX templates filled from a matter's files: the templates of a folder, a draft's proposals with their
 * evidence, and the document written with the values the user accepted. Every method may be slow (disk, model)
 * unless it says otherwise: call it off the JavaFX thread.
 */
public interface DraftingService {

    /** The DOCX templates directly in {@code folder}, by name; Word's lock files ("~$…") are not templates. */
    List<Template> templates(Path folder) throws IOException;

    /** The source kinds the service reads, e.g. "pdf", "docx", "txt". Returns at once. */
    List<String> supportedSources();

    /**
     * Reads the sources and proposes a value for each field of the template, with its evidence. Starts at once in the
     * background; nothing is written. The listener hears progress, then exactly one of done, failed or cancelled.
     */
    DraftJob propose(Path template, List<Path> sources, DraftJob.Listener listener);

    /**
     * Writes the template filled with {@code values} (field name → value) to {@code out}; a field not named stays a
     * highlighted blank. The template itself is never written.
     *
     * @throws IllegalArgumentException when {@code out} is the template
     */
    void save(Path template, Map<String, String> values, Path out) throws IOException;

    record Template(Path file, String name) {
    }

    /** One draft's proposals being made. */
    interface DraftJob {

        /** Stops as soon as possible; the listener then hears {@code cancelled}. */
        void cancel();

        /** Sends what the {@link Preview} showed to its server and fills the fields there; ignored unless the job waits for that. */
        void send();

        enum Stage { READING, WAITING_FOR_MODEL, FILLING }

        /**
         * Where a value was found: the file, its page (PDF) or paragraph (DOCX, text), and the model's quote, which
         * is {@code verified} when it stands word for word in that source and contains the value.
         */
        record Evidence(Path file, OptionalInt page, OptionalInt paragraph, String quote, boolean verified) {
        }

        /**
         * A field of the template and the model's proposal: {@link FieldProposal.Status#FILLED} only with verified
         * evidence; {@code UNSUPPORTED} values are the model's unproven guess ("nicht belegt").
         *
         * @param rows a table row repeated per item ({@code {{#Name}}}): not filled from a single value, so it stays
         *             empty in the written document
         */
        record Field(String name, String description, boolean rows, FieldProposal.Status status, String value,
                     Optional<Evidence> evidence) {
        }

        /** Why a draft failed, for the UI to word; {@code detail} names the file where one is to blame. */
        record Failure(Reason reason, String detail) {
            public enum Reason { UNREADABLE, NO_MODEL, MODEL_FAILED, OTHER }
        }

        /** Called from background threads, in order, ending with exactly one of done, failed or cancelled. */
        interface Listener {
            /** @param file the source being read (READING), else null */
            void progress(Stage stage, String file, int done, int total);

            /** The fields may be filled on a server: the job waits for {@link DraftJob#send()} or a cancel. */
            default void preview(Preview preview) {
            }

            /** The fields are now filled on this server (the target's name); null once the job is back here. */
            default void routedTo(String target) {
            }

            void done(List<Field> fields);

            void failed(Failure failure);

            void cancelled();
        }
    }
}
