package org.hearth.ingest.document;

/** Cutting text to a length without splitting a character written as two UTF-16 units. */
final class TextCut {

    private TextCut() {
    }

    static String prefix(String text, int length) {
        if (text.length() <= length) {
            return text;
        }
        int end = Math.max(0, length);
        if (end > 0 && Character.isHighSurrogate(text.charAt(end - 1))) {
            end--;
        }
        return text.substring(0, end);
    }
}
