package org.hearth.app.bench;

/**
 * OCR's character error rate: the edit distance (Levenshtein: insertions, deletions, substitutions)
 * between recognised and source text over the source's length. Runs of white space count as one
 * space on both sides, since line breaks and indentation are layout, not characters read.
 */
public final class CharacterErrorRate {

    private CharacterErrorRate() {
    }

    public static double of(String recognised, String reference) {
        int length = length(reference);
        if (length == 0) {
            throw new IllegalArgumentException("the reference text is empty");
        }
        return (double) edits(recognised, reference) / length;
    }

    /** The edits that turn the recognised text into the reference. */
    public static int edits(String recognised, String reference) {
        return distance(normalise(recognised), normalise(reference));
    }

    /** The reference's characters as counted for the rate. */
    public static int length(String reference) {
        return normalise(reference).length();
    }

    /** The edits between {@code a} and {@code b}, in two rows of the usual table. */
    static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }

    private static String normalise(String text) {
        return text.strip().replaceAll("\\s+", " ");
    }
}
