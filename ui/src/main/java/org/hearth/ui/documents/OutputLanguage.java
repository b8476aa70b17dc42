package org.hearth.ui.documents;

import java.util.Optional;
import org.hearth.domain.Language;

/** The language a summary is written in. */
public enum OutputLanguage {
    DOCUMENT(Optional.empty()), GERMAN(Optional.of(Language.GERMAN)), ENGLISH(Optional.of(Language.ENGLISH));

    private final Optional<Language> language;

    OutputLanguage(Optional<Language> language) {
        this.language = language;
    }

    /** What {@link org.hearth.ui.service.SummaryService.SummaryOptions} expects: empty = the document's own. */
    public Optional<Language> language() {
        return language;
    }
}
