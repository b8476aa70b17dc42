package org.hearth.assistant.task.summary;

import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Guesses whether a document is German or English by counting frequent function words. Reads a
 * sample of passages spread over the document (not all 300 pages), a bounded stretch of each.
 */
public final class LanguageDetector {

    private static final int SAMPLED_PASSAGES = 16;
    private static final int SAMPLED_CHARS = 2_000;

    private static final Set<String> GERMAN = Set.of("der", "die", "das", "und", "ist", "nicht", "mit", "den", "dem",
            "des", "ein", "eine", "einer", "zu", "von", "auf", "für", "sich", "auch", "wird", "werden", "sind", "im",
            "oder", "bei", "nach", "wie", "aus", "sie", "wir", "ich", "gemäß", "über", "durch", "zum", "zur");

    private static final Set<String> ENGLISH = Set.of("the", "and", "of", "to", "is", "in", "that", "for", "with",
            "not", "be", "are", "this", "by", "on", "as", "or", "shall", "will", "which", "from", "an", "it", "at",
            "was", "were", "has", "have", "any", "such", "we", "you", "our", "their");

    private LanguageDetector() {
    }

    /** GERMAN or ENGLISH, whichever has more function words in the sample; GERMAN when undecided. */
    public static Language detect(List<Passage> passages) {
        int german = 0;
        int english = 0;
        int samples = Math.min(SAMPLED_PASSAGES, passages.size());
        for (int i = 0; i < samples; i++) {
            // evenly spread: first, ..., last
            int index = samples == 1 ? 0 : (int) ((long) i * (passages.size() - 1) / (samples - 1));
            String text = passages.get(index).text();
            String sample = text.substring(0, Math.min(text.length(), SAMPLED_CHARS)).toLowerCase(Locale.ROOT);
            for (String word : sample.split("[^\\p{L}]+")) {
                if (GERMAN.contains(word)) {
                    german++;
                }
                if (ENGLISH.contains(word)) {
                    english++;
                }
            }
        }
        return english > german ? Language.ENGLISH : Language.GERMAN;
    }
}
