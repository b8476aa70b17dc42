package org.hearth.ingest.index;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * German or English by counting frequent function words. A statistical detector would be overkill
 * for two languages whose commonest words do not overlap; words both languages use ("in", "an",
 * "was", "will") are left out. Ties go to German, the language of most of our users' documents.
 */
final class LanguageDetector {

    /** Enough text to decide; long documents do not change language halfway often enough to matter. */
    private static final int SAMPLE_CHARACTERS = 50_000;
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

    private LanguageDetector() {
    }

    static Language detect(CharSequence text) {
        CharSequence sample = text.length() > SAMPLE_CHARACTERS ? text.subSequence(0, SAMPLE_CHARACTERS) : text;
        Matcher words = WORD.matcher(sample);
        int german = 0;
        int english = 0;
        while (words.find()) {
            String word = words.group().toLowerCase(Locale.ROOT);
            if (GERMAN.contains(word)) {
                german++;
            } else if (ENGLISH.contains(word)) {
                english++;
            }
        }
        return english > german ? Language.ENGLISH : Language.GERMAN;
    }
}
