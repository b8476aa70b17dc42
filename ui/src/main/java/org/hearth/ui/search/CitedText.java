package org.hearth.ui.search;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An answer's text cut into plain parts and its citation marks, so each "[n]" can be shown as a link to its
 * source. "[1, 3]" and "[1; 3]" cite two sources.
 */
final class CitedText {

    sealed interface Part permits Plain, Mark {
    }

    record Plain(String text) implements Part {
    }

    /** One cited source number, as written in the text. */
    record Mark(int n) implements Part {
    }

    private static final Pattern CITATION = Pattern.compile("\\[(\\d{1,3}(?:\\s*[,;]\\s*\\d{1,3})*)\\]");
    private static final Pattern SEPARATOR = Pattern.compile("\\s*[,;]\\s*");

    private CitedText() {
    }

    static List<Part> parse(String text) {
        List<Part> parts = new ArrayList<>();
        Matcher citation = CITATION.matcher(text);
        int position = 0;
        while (citation.find()) {
            if (citation.start() > position) {
                parts.add(new Plain(text.substring(position, citation.start())));
            }
            for (String number : SEPARATOR.split(citation.group(1))) {
                parts.add(new Mark(Integer.parseInt(number)));
            }
            position = citation.end();
        }
        if (position < text.length()) {
            parts.add(new Plain(text.substring(position)));
        }
        return parts;
    }
}
