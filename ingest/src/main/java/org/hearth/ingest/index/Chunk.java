package org.hearth.ingest.index;

import java.util.Optional;
import java.util.OptionalInt;

/**
 * A piece of a document as it is indexed. {@code start}/{@code end} are character offsets into the
 * document's text (its blocks joined by blank lines, see {@link Chunker}), and {@code text} is
 * exactly that part of it. {@code ocr}: some of it was recognised in a scanned page.
 */
record Chunk(int index, String text, int start, int end, OptionalInt page, Optional<ParagraphRange> paragraphs, boolean ocr) {
}
