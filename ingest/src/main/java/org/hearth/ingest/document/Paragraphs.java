package org.hearth.ingest.document;

import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

/** Plain text split into paragraphs at blank lines. */
final class Paragraphs {

    private static final Pattern BLANK_LINES = Pattern.compile("\\n(?:[ \\t\\u00a0]*\\n)+");

    private Paragraphs() {
    }

    static List<String> split(String text) {
        String normalised = text.replace("\r\n", "\n").replace('\r', '\n');
        return Arrays.stream(BLANK_LINES.split(normalised))
                .map(String::strip)
                .filter(paragraph -> !paragraph.isEmpty())
                .toList();
    }
}
