package org.hearth.ingest.document;

import java.util.Optional;
import org.hearth.domain.Locator;

/**
 * Passes on at most {@code maxCharacters} of a document's text and then stops the parser by
 * throwing {@link Full}: a small file can expand to hundreds of megabytes of text (many pages
 * showing one content stream), and nobody reads, indexes or summarises that much of one document.
 */
final class CappedSink implements DocumentSink {

    /** Thrown through the parser to end reading; carries no stack, it is control flow. */
    static final class Full extends RuntimeException {
        Full() {
            super("text limit reached", null, false, false);
        }
    }

    /** A title or subject is a line; a longer value is a file trying to get around the limit. */
    private static final int MAX_METADATA_CHARACTERS = 10_000;

    private final DocumentSink target;
    private final int maxCharacters;
    private int taken;
    private int pageTotal;
    private Locator last;
    private TextLimitReached reached;

    CappedSink(DocumentSink target, int maxCharacters) {
        this.target = target;
        this.maxCharacters = maxCharacters;
    }

    @Override
    public void metadata(String key, String value) {
        target.metadata(key, TextCut.prefix(value, MAX_METADATA_CHARACTERS));
    }

    @Override
    public void block(TextBlock block) {
        String text = block.text();
        int room = maxCharacters - taken;
        if (text.length() <= room) {
            taken += text.length();
            last = block.locator();
            target.block(block);
            return;
        }
        String kept = TextCut.prefix(text, room).strip();
        if (!kept.isEmpty()) {
            taken += kept.length();
            last = block.locator();
            target.block(new TextBlock(kept, block.locator(), block.kind(), block.ocr()));
        }
        reached = reached(last, pageTotal, maxCharacters);
        throw new Full();
    }

    @Override
    public void pages(int done, int total) {
        pageTotal = total;
        target.pages(done, total);
    }

    @Override
    public void limitReached(TextLimitReached reached) {
        target.limitReached(reached);
    }

    /** The page count as the parser reported it with its progress; 0 for formats without pages. */
    int pageTotal() {
        return pageTotal;
    }

    /** Set once {@link Full} was thrown. */
    Optional<TextLimitReached> reached() {
        return Optional.ofNullable(reached);
    }

    static TextLimitReached reached(Locator last, int pageTotal, int maxCharacters) {
        if (last == null) {
            return new TextLimitReached(Locator.Unit.PAGE, 0, pageTotal, maxCharacters);
        }
        return new TextLimitReached(last.unit(), last.to(), last.unit() == Locator.Unit.PAGE ? pageTotal : 0, maxCharacters);
    }
}
