package org.hearth.domain;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * German or English by counting frequent function words. A statistical detector would be overkill for two
 * languages whose commonest words do not overlap; words both languages use ("in", "an", "was", "will") are left
 * out. Ties go to German, the language of most of our users' documents. The index, the summarizer and the answer
 * to a question all ask this one detector, so a document is never German to one and English to another.
 */
public final class LanguageDetector {

    /** Enough text to decide; long documents do not change language halfway often enough to matter. */
    public static final int SAMPLE_CHARACTERS = 50_000;
    /** Passages sampled from a document given in parts: spread over it, not all 300 pages. */
    private static final int SAMPLED_PARTS = 16;
    private static final int SAMPLED_CHARACTERS_PER_PART = 2_000;
    private static final Pattern WORD = Pattern.compile("\\p{L}+");

    private static final Set<String> GERMAN = Set.of(
            "der", "die", "das", "und", "ist", "nicht", "ein", "eine", "einer", "einen", "eines", "zu", "den", "dem",
            "des", "von", "mit", "sich", "auf", "für", "im", "auch", "es", "als", "wird", "werden", "wurde", "bei",
            "oder", "nach", "aus", "wie", "sind", "vom", "zum", "zur", "über", "durch", "kann", "hat", "haben", "sie",
            "ich", "wir", "ihr", "diese", "dieser", "dieses", "sowie", "gemäß", "gegen", "nur", "noch", "dass", "daß");
    private static final Set<String> ENGLISH = Set.of(
            "the", "and", "of", "to", "is", "that", "for", "it", "with", "as", "on", "be", "by", "this", "are", "or",
            "not", "which", "shall", "from", "at", "have", "has", "been", "its", "any", "such", "may", "their", "these",
            "upon", "would", "should", "there", "were", "under", "into", "than", "they", "we", "you", "our");

    /**
     * How English questions mostly open, where German uses other words. A question is short and may hold no
     * function word ("What notice period applies?"). "was" and "will" are German words too and left out.
     */
    private static final Set<String> ENGLISH_QUESTION_OPENERS = Set.of("what", "when", "where", "who", "whom", "whose",
            "which", "why", "how", "does", "do", "did", "is", "are", "were", "can", "could", "should", "would", "has",
            "have", "had", "shall", "may", "must", "please", "list", "explain", "summarise", "summarize");

    private LanguageDetector() {
    }

    /** The language of a text, judged on its beginning. */
    public static Language detect(CharSequence text) {
        Tally tally = new Tally();
        tally.count(text.length() > SAMPLE_CHARACTERS ? text.subSequence(0, SAMPLE_CHARACTERS) : text);
        return tally.language();
    }

    /** The language of a document given in parts (pages, paragraphs), judged on a sample spread over all of it. */
    public static Language detect(List<String> parts) {
        Tally tally = new Tally();
        int samples = Math.min(SAMPLED_PARTS, parts.size());
        for (int i = 0; i < samples; i++) {
            // evenly spread: first, ..., last
            int index = samples == 1 ? 0 : (int) ((long) i * (parts.size() - 1) / (samples - 1));
            String part = parts.get(index);
            tally.count(part.substring(0, Math.min(part.length(), SAMPLED_CHARACTERS_PER_PART)));
        }
        return tally.language();
    }

    /** The language of a question: its opening word when that is English-only, else its function words. */
    public static Language ofQuestion(String question) {
        Matcher first = WORD.matcher(question);
        if (first.find() && ENGLISH_QUESTION_OPENERS.contains(first.group().toLowerCase(Locale.ROOT))) {
            return Language.ENGLISH;
        }
        return detect(question);
    }

    private static final class Tally {
        private int german;
        private int english;

        void count(CharSequence text) {
            Matcher words = WORD.matcher(text);
            while (words.find()) {
                String word = words.group().toLowerCase(Locale.ROOT);
                if (GERMAN.contains(word)) {
                    german++;
                } else if (ENGLISH.contains(word)) {
                    english++;
                }
            }
        }

        Language language() {
            return english > german ? Language.ENGLISH : Language.GERMAN;
        }
    }
}
