package org.hearth.ingest.document;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A document's text in reading order with provenance.
 *
 * @param pageCount the number of pages of a PDF; 0 for formats without pages
 * @param metadata  what the file says about itself, e.g. "title", "author", "pages", "from", "subject"; and
 *                  {@value #WARNING} when part of it could not be read
 */
public record DocumentText(Path file, DocumentType type, int pageCount, Map<String, String> metadata, List<TextBlock> blocks) {

    /** The metadata key of what could not be read, e.g. "The file is truncated: pages 4–10 could not be read". */
    public static final String WARNING = "warning";

    public DocumentText {
        metadata = Map.copyOf(metadata);
        blocks = List.copyOf(blocks);
    }

    /** What could not be read, for the user to see next to the text; empty when all of it was read. */
    public Optional<String> warning() {
        return Optional.ofNullable(metadata.get(WARNING));
    }
}
