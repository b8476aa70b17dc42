package org.hearth.assistant.task.answer;

import java.util.List;
import java.util.Objects;
import org.hearth.domain.Language;

/**
 * A finished answer.
 *
 * @param refused      the sources do not answer the question (the model said so, or there were none);
 *                     {@code text} then says that instead of answering
 * @param text         the answer, citing sources as [n]; only numbers in {@code sourcesGiven} remain
 * @param citations    the sources the answer rests on with the model's quote from each, unverified
 * @param language     the language of the question, which the answer is written in
 * @param sourcesGiven the numbers of the sources the model saw, best first; lower-ranked sources
 *                     that did not fit the context are missing
 */
public record Answer(boolean refused, String text, List<Citation> citations, Language language, List<Integer> sourcesGiven) {

    public Answer {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(language, "language");
        citations = List.copyOf(citations);
        sourcesGiven = List.copyOf(sourcesGiven);
    }

    /** The plain answer when search found nothing relevant enough to show the model. */
    public static Answer nothingFound(Language language) {
        String text = language == Language.GERMAN
                ? "In den Dokumenten habe ich nichts gefunden, das diese Frage beantwortet."
                : "I found nothing in the documents that answers this question.";
        return new Answer(true, text, List.of(), language, List.of());
    }
}
