package org.hearth.ingest.index;

import java.util.List;

/**
 * A short part of a chunk to show in a result list, with the places the query matched. The text
 * starts or ends with "…" where it was cut from the chunk; line breaks are shown as spaces.
 */
public record Snippet(String text, List<Highlight> highlights) {

    /** Characters {@code start} (inclusive) to {@code end} (exclusive) of the snippet's text; ascending, never overlapping. */
    public record Highlight(int start, int end) {
    }

    public Snippet {
        highlights = List.copyOf(highlights);
    }

    /** The text with each highlight between « and », for plain-text output such as the CLI. */
    public String marked() {
        return marked("«", "»");
    }

    public String marked(String open, String close) {
        StringBuilder marked = new StringBuilder(text.length() + highlights.size() * (open.length() + close.length()));
        int at = 0;
        for (Highlight highlight : highlights) {
            marked.append(text, at, highlight.start()).append(open).append(text, highlight.start(), highlight.end()).append(close);
            at = highlight.end();
        }
        return marked.append(text, at, text.length()).toString();
    }
}
