package org.hearth.ingest.document;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * A document's text in reading order with provenance.
 *
 * @param pageCount the number of pages of a PDF; 0 for formats without pages
 * @param metadata  what the file says about itself, e.g. "title", "author", "pages", "from", "subject"; and
 *                  {@value #WARNING} when part of it could not be read
 * @param limitReached present when the text was longer than Hearth takes from one document, so
 *                  {@code blocks} end early
 */
public record DocumentText(Path file, DocumentType type, int pageCount, Map<String, String> metadata, List<TextBlock> blocks,
                           Optional<TextLimitReached> limitReached) {

    /** The metadata key of what could not be read, e.g. "The file is truncated: pages 4–10 could not be read". */
    public static final String WARNING = "warning";

    public DocumentText {
        metadata = Map.copyOf(metadata);
        blocks = List.copyOf(blocks);
        limitReached = limitReached == null ? Optional.empty() : limitReached;
    }

    /** A document read to its end. */
    public DocumentText(Path file, DocumentType type, int pageCount, Map<String, String> metadata, List<TextBlock> blocks) {
        this(file, type, pageCount, metadata, blocks, Optional.empty());
    }

    /**
     * What could not be read or was left out, for the user to see next to the text; empty when all of
     * it was read.
     */
    public Optional<String> warning() {
        String warning = Stream.concat(Optional.ofNullable(metadata.get(WARNING)).stream(),
                limitReached.map(TextLimitReached::describe).stream()).collect(Collectors.joining("; "));
        return warning.isEmpty() ? Optional.empty() : Optional.of(warning);
    }
}
