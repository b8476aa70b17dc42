package org.hearth.ingest.index;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import org.hearth.domain.Language;

/**
 * A chunk as the index holds it: enough to show it, cite it and open its source.
 *
 * @param chunkId    the same for the same file content and chunk number, wherever the file lies
 * @param index      the chunk's number within its file, from 0
 * @param page       the PDF page (1-based) for PDFs
 * @param paragraphs the paragraphs for the other formats (DOCX, text, Markdown, e-mail)
 * @param start      offset of the chunk in the document's text (its blocks joined by blank lines)
 * @param end        offset just after the chunk; {@code text} is exactly that part of the document's text
 * @param ocr        some of the text was recognised in a scanned page: a quote is checked against this text,
 *                   which may differ from the paper in a letter
 */
public record StoredChunk(String chunkId, String collection, Path file, String fileName, int index, OptionalInt page,
                          Optional<ParagraphRange> paragraphs, int start, int end, String text, Language language, boolean ocr) {

    public StoredChunk {
        Objects.requireNonNull(chunkId, "chunkId");
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(text, "text");
    }
}
