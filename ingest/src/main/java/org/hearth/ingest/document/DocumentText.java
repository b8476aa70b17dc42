package org.hearth.ingest.document;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * A document's text in reading order with provenance.
 *
 * @param pageCount the number of pages of a PDF; 0 for formats without pages
 * @param metadata  what the file says about itself, e.g. "title", "author", "pages", "from", "subject"
 */
public record DocumentText(Path file, DocumentType type, int pageCount, Map<String, String> metadata, List<TextBlock> blocks) {

    public DocumentText {
        metadata = Map.copyOf(metadata);
        blocks = List.copyOf(blocks);
    }
}
