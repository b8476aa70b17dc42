package org.hearth.ui.documents;

import java.util.Optional;

/** The language a summary is written in. */
public enum OutputLanguage {
    DOCUMENT(Optional.empty()), GERMAN(Optional.of("de")), ENGLISH(Optional.of("en"));

    private final Optional<String> code;

    OutputLanguage(Optional<String> code) {
        this.code = code;
    }

    /** What {@link org.hearth.ui.service.SummaryService.SummaryOptions} expects: empty = the document's own. */
    public Optional<String> code() {
        return code;
    }
}
