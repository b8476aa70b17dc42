package org.hearth.ui.search;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.hearth.ui.service.SearchService.Highlight;

/**
 * A snippet cut into plain and matching runs for display. The service's ranges are trusted only as far as
 * they make sense: out-of-range ends are clipped, overlapping or touching ranges merge, empty ones vanish.
 */
final class SnippetRuns {

    record Run(String text, boolean match) {
    }

    private SnippetRuns() {
    }

    static List<Run> of(String snippet, List<Highlight> highlights) {
        int length = snippet.length();
        List<Highlight> sorted = highlights.stream()
                .map(h -> new Highlight(Math.clamp(h.start(), 0, length), Math.clamp(h.end(), 0, length)))
                .filter(h -> h.end() > h.start())
                .sorted(Comparator.comparingInt(Highlight::start))
                .toList();
        List<Run> runs = new ArrayList<>();
        int position = 0;
        int matchStart = -1;
        int matchEnd = -1;
        for (Highlight h : sorted) {
            if (matchStart >= 0 && h.start() <= matchEnd) {
                matchEnd = Math.max(matchEnd, h.end());
                continue;
            }
            if (matchStart >= 0) {
                position = addMatch(snippet, runs, position, matchStart, matchEnd);
            }
            matchStart = h.start();
            matchEnd = h.end();
        }
        if (matchStart >= 0) {
            position = addMatch(snippet, runs, position, matchStart, matchEnd);
        }
        if (position < length) {
            runs.add(new Run(snippet.substring(position), false));
        }
        return runs;
    }

    /** The plain text before the match, then the match; returns where the next run starts. */
    private static int addMatch(String snippet, List<Run> runs, int position, int start, int end) {
        if (start > position) {
            runs.add(new Run(snippet.substring(position, start), false));
        }
        runs.add(new Run(snippet.substring(start, end), true));
        return end;
    }
}
