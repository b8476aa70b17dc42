package org.hearth.assistant.task.answer;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.hearth.assistant.task.summary.Language;
import org.hearth.assistant.task.summary.LanguageDetector;
import org.hearth.assistant.task.summary.Locator;
import org.hearth.assistant.task.summary.Passage;

/**
 * The language of a question. A question is short and may hold no function word the document
 * detector counts ("What notice period applies?"), but English questions mostly open with a
 * question word or an auxiliary that German does not use; otherwise the document detector decides
 * (German when undecided, the firm's language).
 */
public final class QuestionLanguage {

    // "was" and "will" are German words too and left out
    private static final Set<String> ENGLISH_OPENERS = Set.of("what", "when", "where", "who", "whom", "whose", "which",
            "why", "how", "does", "do", "did", "is", "are", "were", "can", "could", "should", "would", "has", "have",
            "had", "shall", "may", "must", "please", "list", "explain", "summarise", "summarize");

    private QuestionLanguage() {
    }

    public static Language of(String question) {
        String[] words = question.strip().toLowerCase(Locale.ROOT).split("[^\\p{L}]+", 3);
        String first = words.length > 0 && !words[0].isEmpty() ? words[0] : words.length > 1 ? words[1] : "";
        if (ENGLISH_OPENERS.contains(first)) {
            return Language.ENGLISH;
        }
        return LanguageDetector.detect(List.of(new Passage(question, Locator.paragraph(1))));
    }
}
