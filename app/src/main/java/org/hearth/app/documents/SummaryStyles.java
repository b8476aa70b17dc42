package org.hearth.app.documents;

import java.util.Locale;
import java.util.Optional;
import org.hearth.assistant.task.summary.SummaryStyle;
import org.hearth.domain.Language;

/** The words users use for styles and languages, mapped to the summarizer's. */
public final class SummaryStyles {

    private SummaryStyles() {
    }

    /** brief, detailed, key-points, deadlines, parties */
    public static SummaryStyle fromCli(String name) {
        return switch (name.toLowerCase(Locale.ROOT)) {
            case "brief" -> SummaryStyle.BRIEF;
            case "detailed" -> SummaryStyle.DETAILED;
            case "key-points" -> SummaryStyle.KEY_POINTS;
            case "deadlines" -> SummaryStyle.DEADLINES;
            case "parties" -> SummaryStyle.PARTIES;
            default -> throw new IllegalArgumentException("Unknown style '" + name
                    + "'; use brief, detailed, key-points, deadlines or parties.");
        };
    }

    /** "de", "en" or empty for the document's own language. */
    public static Optional<Language> language(Optional<String> code) {
        return code.filter(c -> !c.isBlank()).map(c -> {
            try {
                return Language.ofCode(c.toLowerCase(Locale.ROOT));
            } catch (IllegalArgumentException unknown) {
                throw new IllegalArgumentException("Unknown language '" + c + "'; use de or en.", unknown);
            }
        });
    }
}
