package org.hearth.ingest.index;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.StringJoiner;
import org.hearth.domain.Locator;
import org.hearth.ingest.document.BlockKind;
import org.hearth.ingest.document.DocumentText;
import org.hearth.ingest.document.TextBlock;

/**
 * Cuts a document into chunks of at most {@link #TARGET} characters, the size at which one chunk is
 * about one thought and still fits many times into the model's context. Consecutive blocks are put
 * together; a chunk never spans two PDF pages, so every chunk can open its source at one page. A
 * heading starts a new chunk once the current one is half full; headers and footers of Word files
 * (which repeat on every page) are chunks of their own. A block longer than the target is cut at
 * the last line break, sentence end or space before the limit.
 *
 * <p>The document's text is its blocks joined by {@link #SEPARATOR}; chunk offsets point into it.
 * That text is never built: chunks are cut from the blocks, so indexing a long document holds its
 * text once as blocks and once as chunks, not a third time joined.
 */
final class Chunker {

    static final int TARGET = 1000;
    static final String SEPARATOR = "\n\n";
    /** A cut is looked for in the last part of the window only, so pieces are not tiny. */
    private static final int EARLIEST_CUT = TARGET / 2;

    private final DocumentText document;
    private final int[] blockStarts;
    private final List<Chunk> chunks = new ArrayList<>();
    private int first = -1;
    private int last = -1;

    private Chunker(DocumentText document) {
        this.document = document;
        this.blockStarts = new int[document.blocks().size()];
        int start = 0;
        for (int i = 0; i < blockStarts.length; i++) {
            blockStarts[i] = start;
            start += document.blocks().get(i).text().length() + SEPARATOR.length();
        }
    }

    /** The beginning of the document's text, at least {@code characters} long unless the document is shorter. */
    static String opening(DocumentText document, int characters) {
        StringJoiner opening = new StringJoiner(SEPARATOR);
        for (TextBlock block : document.blocks()) {
            if (opening.length() >= characters) {
                break;
            }
            opening.add(block.text());
        }
        return opening.toString();
    }

    static List<Chunk> chunks(DocumentText document) {
        Chunker chunker = new Chunker(document);
        chunker.cut();
        return List.copyOf(chunker.chunks);
    }

    private void cut() {
        List<TextBlock> blocks = document.blocks();
        for (int i = 0; i < blocks.size(); i++) {
            TextBlock block = blocks.get(i);
            boolean standsAlone = block.kind() == BlockKind.HEADER || block.kind() == BlockKind.FOOTER;
            if (first >= 0 && (standsAlone || !fitsWithCurrent(i))) {
                flush();
            }
            if (standsAlone || block.text().length() > TARGET) {
                split(i);
            } else {
                if (first < 0) {
                    first = i;
                }
                last = i;
            }
        }
        flush();
    }

    private boolean fitsWithCurrent(int i) {
        TextBlock block = document.blocks().get(i);
        TextBlock current = document.blocks().get(first);
        if (block.locator().unit() == Locator.Unit.PAGE && block.locator().from() != current.locator().from()) {
            return false;
        }
        int length = blockStarts[last] + document.blocks().get(last).text().length() - blockStarts[first];
        int combined = length + SEPARATOR.length() + block.text().length();
        return combined <= TARGET && !(block.kind() == BlockKind.HEADING && length >= TARGET / 2);
    }

    private void flush() {
        if (first >= 0) {
            StringJoiner joined = new StringJoiner(SEPARATOR);
            for (int b = first; b <= last; b++) {
                joined.add(document.blocks().get(b).text());
            }
            add(joined.toString(), blockStarts[first], first, last);
            first = -1;
            last = -1;
        }
    }

    /** One block into pieces of at most TARGET characters, each trimmed of surrounding white space. */
    private void split(int i) {
        String text = document.blocks().get(i).text();
        int from = 0;
        while (from < text.length()) {
            int cut = text.length() - from <= TARGET ? text.length() : cutBefore(text, from + TARGET, from + EARLIEST_CUT);
            int end = cut;
            while (end > from && Character.isWhitespace(text.charAt(end - 1))) {
                end--;
            }
            if (end > from) {
                add(text.substring(from, end), blockStarts[i] + from, i, i);
            }
            from = cut;
            while (from < text.length() && Character.isWhitespace(text.charAt(from))) {
                from++;
            }
        }
    }

    /** Where to end a piece that may not reach {@code limit}: after a line break, a sentence, a word, or hard. */
    private static int cutBefore(String text, int limit, int earliest) {
        int sentence = -1;
        int word = -1;
        for (int at = limit; at > earliest; at--) {
            char before = text.charAt(at - 1);
            if (before == '\n') {
                return at;
            }
            if (Character.isWhitespace(before)) {
                if (sentence < 0 && at >= 2 && ".!?;:".indexOf(text.charAt(at - 2)) >= 0) {
                    sentence = at;
                }
                if (word < 0) {
                    word = at;
                }
            }
        }
        if (sentence > 0) {
            return sentence;
        }
        if (word > 0) {
            return word;
        }
        // no space in half a page: cut, but not between the halves of a surrogate pair
        return Character.isLowSurrogate(text.charAt(limit)) ? limit - 1 : limit;
    }

    private void add(String chunkText, int start, int firstBlock, int lastBlock) {
        Locator firstLocator = document.blocks().get(firstBlock).locator();
        OptionalInt page = OptionalInt.empty();
        Optional<ParagraphRange> paragraphs = Optional.empty();
        if (firstLocator.unit() == Locator.Unit.PAGE) {
            page = OptionalInt.of(firstLocator.from());
        } else {
            int from = Integer.MAX_VALUE;
            int to = 0;
            for (int b = firstBlock; b <= lastBlock; b++) {
                Locator locator = document.blocks().get(b).locator();
                from = Math.min(from, locator.from());
                to = Math.max(to, locator.to());
            }
            paragraphs = Optional.of(new ParagraphRange(from, to));
        }
        boolean ocr = document.blocks().subList(firstBlock, lastBlock + 1).stream().anyMatch(TextBlock::ocr);
        chunks.add(new Chunk(chunks.size(), chunkText, start, start + chunkText.length(), page, paragraphs, ocr));
    }
}
