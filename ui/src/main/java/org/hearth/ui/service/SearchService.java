package org.hearth.ui.service;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.hearth.ingest.index.PartlyRead;

/**
 * Collections of the firm's folders, their search index, and answers with checked citations. Every method may be
 * slow (disk, model) unless it says otherwise: call it off the JavaFX thread.
 */
public interface SearchService {

    /** The collections, in the order they were made. */
    List<Collection> collections();

    /**
     * Adds {@code folder} to the collection (made if new) and indexes it in the background; the listener hears
     * progress and then exactly one of done, failed or cancelled.
     */
    IndexJob addFolder(String collection, Path folder, IndexJob.Listener listener);

    /** Brings the collection's index up to date with its folders (only changed files are read again). */
    IndexJob update(String collection, IndexJob.Listener listener);

    /**
     * The best passages for {@code query}; {@code collection} empty = all collections. The keyword hits come at once;
     * when the embedding model can rank by meaning, the hybrid ranking follows and replaces them (the query's
     * embedding takes a second or two on a CPU). A newer search cancels the refinement of the older ones.
     */
    SearchJob search(String query, Optional<String> collection, int top, SearchJob.Listener listener);

    /** The size of the search model's download, to say before it starts. Quick: no disk or network. */
    long searchModelBytes();

    /**
     * Downloads the search (embedding) model and starts using it: documents indexed already get their vectors by an
     * index update that starts at once, in the background; until then search says it uses keywords only.
     */
    InstallJob installSearchModel(InstallJob.Listener listener);

    /** Retrieves, then answers with the local model; the answer streams, then its citations are checked. */
    AnswerJob ask(String question, Optional<String> collection, AnswerJob.Listener listener);

    /** Opens the source in the system's viewer, at the page where the viewer supports it. */
    void open(Location location);

    /** @param files files indexed in it; @param chunks passages in the index */
    record Collection(String name, List<Path> folders, int files, int chunks) {
        public Collection {
            folders = List.copyOf(folders);
        }
    }

    /** Where a passage is: a page of a PDF, or a range of paragraphs of a DOCX (1-based), or neither (plain text). */
    record Location(Path file, Optional<Integer> page, Optional<Integer> firstParagraph, Optional<Integer> lastParagraph) {
        public String fileName() {
            return file.getFileName().toString();
        }
    }

    /** A part of a snippet that matched the query: {@code [start, end)} in the snippet's characters. */
    record Highlight(int start, int end) {
    }

    record Hit(Location location, double score, String snippet, List<Highlight> highlights) {
        public Hit {
            highlights = List.copyOf(highlights);
        }
    }

    /** How the hits were ranked; every kind but {@link #HYBRID} ranks by keywords only, and says why. */
    enum Ranking {
        /** By keywords and by meaning, fused. */
        HYBRID,
        /** By keywords for now: the ranking by meaning follows. */
        KEYWORDS_REFINING,
        /** By keywords only: no search model is installed. */
        KEYWORDS_NO_MODEL,
        /** By keywords only: some documents still wait for their vectors ({@link Results#filesWaiting()}). */
        KEYWORDS_INDEXING,
        /** By keywords only: the search model failed on this query. */
        KEYWORDS_MODEL_FAILED
    }

    /** @param filesWaiting documents not yet searchable by meaning; counted for {@link Ranking#KEYWORDS_INDEXING} */
    record Results(List<Hit> hits, Ranking ranking, int filesWaiting) {
        public Results {
            hits = List.copyOf(hits);
        }

        public Results(List<Hit> hits, Ranking ranking) {
            this(hits, ranking, 0);
        }

        public boolean hybrid() {
            return ranking == Ranking.HYBRID;
        }
    }

    /** One search: its keyword hits, then maybe its refined ranking. */
    interface SearchJob {

        /** Drops the refinement; nothing more is reported. */
        void cancel();

        /** Called from background threads: found first, then at most one of refined or failed. */
        interface Listener {
            /** The keyword hits; {@link Ranking#KEYWORDS_REFINING} when {@link #refined} follows. */
            void found(Results results);

            /** The same search ranked by keywords and meaning, in place of what {@link #found} gave. */
            void refined(Results results);

            void failed(String message);
        }
    }

    /** Downloading the search model. */
    interface InstallJob {

        /** Stops the download; installing again later resumes it where it stopped. */
        void cancel();

        /** Called from background threads, in order, ending with exactly one of done, failed or cancelled. */
        interface Listener {
            void progress(long bytesDone, long totalBytes);

            /** Installed and in use; the documents already indexed get their vectors in the background. */
            void done();

            void failed(String message);

            void cancelled();
        }
    }

    /** Indexing one collection. */
    interface IndexJob {

        void cancel();

        /**
         * @param errors     files that could not be read, each with a sentence saying why
         * @param partlyRead files whose text passed the limit of one document: only their beginning is searchable
         */
        record Summary(int indexed, int unchanged, int removed, List<FileError> errors, List<PartlyRead> partlyRead) {
            public Summary {
                errors = List.copyOf(errors);
                partlyRead = List.copyOf(partlyRead);
            }
        }

        record FileError(Path file, String message) {
        }

        /** Called from background threads, in order, ending with exactly one of done, failed or cancelled. */
        interface Listener {
            void progress(long filesDone, long filesTotal, String currentFile);

            void done(Summary summary);

            void failed(String message);

            void cancelled();
        }
    }

    /** One question being answered. */
    interface AnswerJob {

        void cancel();

        /** Sends what the {@link Preview} showed to its server and answers there; ignored unless the job waits for that. */
        void send();

        /**
         * @param n        the source's number as cited in the text ("[n]")
         * @param verified the quote was found verbatim (whitespace aside) in that source; unverified ones are
         *                 shown as such, not as facts
         */
        record Citation(int n, Location location, String quote, boolean verified) {
        }

        /** @param refused nothing relevant was found (or the sources do not answer it): {@code text} says so */
        record Answer(boolean refused, String text, List<Citation> citations) {
            public Answer {
                citations = List.copyOf(citations);
            }
        }

        /** Called from background threads, in order, ending with exactly one of done, failed or cancelled. */
        interface Listener {
            /** The passages the answer is based on, numbered from 1 in this order. */
            void sources(List<Hit> sources);

            /** The answer may be written on a server: the job waits for {@link AnswerJob#send()} or a cancel. */
            default void preview(Preview preview) {
            }

            /** The answer is now written on this server (the target's name); null once it is back on this machine. */
            default void routedTo(String target) {
            }

            void text(String piece);

            /** The text streamed so far is void; what follows is the answer. */
            default void textDiscarded() {
            }

            void done(Answer answer);

            void failed(String message);

            void cancelled();
        }
    }
}
