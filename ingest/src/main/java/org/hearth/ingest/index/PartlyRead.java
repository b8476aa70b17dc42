package org.hearth.ingest.index;

import java.nio.file.Path;
import org.hearth.ingest.document.TextLimitReached;

/** A file that is searchable only up to where its text passed the limit of one document. */
public record PartlyRead(Path file, TextLimitReached limit) {
}
