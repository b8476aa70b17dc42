package org.hearth.ingest.template;

import com.deepoove.poi.data.TextRenderData;
import com.deepoove.poi.data.style.Style;
import com.deepoove.poi.xwpf.XWPFHighlightColor;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;

/**
 * A field's value as poi-tl sees it. As a run it is the text (keeping the run's own formatting) or, unanswered, a
 * highlighted blank. As a conditional block {@code {{?Name}}} it is a sequence of one item when answered and of
 * none when not, so poi-tl keeps the block once or drops it — without a second, boolean value under the same name
 * that would clash with {@code {{Name}}} inside the block.
 */
final class FieldText extends TextRenderData implements Iterable<Object> {

    /** Wide enough to see and click in Word, narrow enough not to push a line over. */
    static final String BLANK = "\u2002\u2002\u2002\u2002\u2002\u2002";

    private final boolean answered;

    private FieldText(String text, Style style, boolean answered) {
        super(text, style);
        this.answered = answered;
    }

    static FieldText answered(String value) {
        return new FieldText(value, null, true);
    }

    static FieldText blank() {
        Style highlighted = new Style();
        highlighted.setHighlightColor(XWPFHighlightColor.YELLOW);
        return new FieldText(BLANK, highlighted, false);
    }

    @Override
    public Iterator<Object> iterator() {
        return answered ? List.<Object>of(this).iterator() : Collections.emptyIterator();
    }
}
