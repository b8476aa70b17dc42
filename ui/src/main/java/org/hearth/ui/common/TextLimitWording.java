package org.hearth.ui.common;

import org.hearth.domain.Locator;
import org.hearth.ingest.document.TextLimitReached;

/** "Only the text up to page 123 of 3,000 was read: …", for a document cut at the limit of one file. */
public final class TextLimitWording {

    private TextLimitWording() {
    }

    public static Message note(TextLimitReached limit) {
        if (limit.unit() == Locator.Unit.PARAGRAPH) {
            return Message.of("textLimit.paragraphs", limit.lastRead(), limit.maxCharacters());
        }
        return limit.total() > 0
                ? Message.of("textLimit.pages", limit.lastRead(), limit.total(), limit.maxCharacters())
                : Message.of("textLimit.page", limit.lastRead(), limit.maxCharacters());
    }
}
