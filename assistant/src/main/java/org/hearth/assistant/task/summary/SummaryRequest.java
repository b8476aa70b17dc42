package org.hearth.assistant.task.summary;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.hearth.domain.Language;
import org.hearth.domain.Locator;

/**
 * A document to summarise.
 *
 * @param title    shown to the model as the document's name (e.g. the file name)
 * @param passages the whole text in document order, all with the same locator unit
 * @param language the summary's language; empty means the document's own
 */
public record SummaryRequest(String title, List<Passage> passages, SummaryStyle style, Optional<Language> language) {

    public SummaryRequest {
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(style, "style");
        Objects.requireNonNull(language, "language");
        passages = List.copyOf(passages);
        if (passages.isEmpty()) {
            throw new IllegalArgumentException("There is nothing to summarise: the document has no passages");
        }
        Locator.Unit unit = passages.getFirst().locator().unit();
        if (passages.stream().anyMatch(passage -> passage.locator().unit() != unit)) {
            // one document is either paged (PDF) or in paragraphs (DOCX); references must mean one thing
            throw new IllegalArgumentException("All passages of a document must use the same locator unit");
        }
    }

    Locator.Unit unit() {
        return passages.getFirst().locator().unit();
    }
}
