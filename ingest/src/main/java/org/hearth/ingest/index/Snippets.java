package org.hearth.ingest.index;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.hearth.domain.Language;

/**
 * Finds where a query matched in a chunk by analysing the chunk's text the way it was indexed (so a
 * stemmed or compound match is found: "Frist" marks all of "Kündigungsfrist"), and cuts a snippet
 * around the densest place.
 */
final class Snippets {

    static final int LENGTH = 240;
    /** How much text before the first match a snippet shows. */
    private static final int LEAD = 60;
    /** How far a cut moves to land between words. */
    private static final int WORD_SEARCH = 20;

    record Matches(List<Snippet.Highlight> spans, double coverage) {
    }

    private Snippets() {
    }

    static Matches matches(String text, Language language, List<String> queryTerms) {
        if (queryTerms.isEmpty()) {
            return new Matches(List.of(), 0);
        }
        Set<String> wanted = new HashSet<>(queryTerms);
        Set<String> found = new HashSet<>();
        List<Snippet.Highlight> spans = new ArrayList<>();
        for (TextAnalysis.Token token : TextAnalysis.tokens(TextAnalysis.indexAnalyzer(language), text)) {
            if (wanted.contains(token.term())) {
                found.add(token.term());
                Snippet.Highlight last = spans.isEmpty() ? null : spans.getLast();
                if (last != null && token.start() <= last.end()) {
                    spans.set(spans.size() - 1, new Snippet.Highlight(last.start(), Math.max(last.end(), token.end())));
                } else {
                    spans.add(new Snippet.Highlight(token.start(), token.end()));
                }
            }
        }
        return new Matches(spans, (double) found.size() / wanted.size());
    }

    static Snippet snippet(String text, List<Snippet.Highlight> spans) {
        int start = 0;
        int end = text.length();
        if (text.length() > LENGTH) {
            start = spans.isEmpty() ? 0 : Math.max(0, densest(spans) - LEAD);
            end = Math.min(text.length(), start + LENGTH);
            start = Math.max(0, Math.min(start, end - LENGTH));
            start = start == 0 ? 0 : afterSpace(text, start);
            end = end == text.length() ? end : beforeSpace(text, end);
        }
        String prefix = start > 0 ? "…" : "";
        String shown = prefix + flat(text.substring(start, end)) + (end < text.length() ? "…" : "");
        List<Snippet.Highlight> highlights = new ArrayList<>();
        for (Snippet.Highlight span : spans) {
            int from = Math.max(span.start(), start);
            int to = Math.min(span.end(), end);
            if (from < to) {
                highlights.add(new Snippet.Highlight(from - start + prefix.length(), to - start + prefix.length()));
            }
        }
        return new Snippet(shown, highlights);
    }

    /** The start of the match that has the most matches within one snippet's length after it. */
    private static int densest(List<Snippet.Highlight> spans) {
        int best = 0;
        int bestCount = 0;
        for (int i = 0; i < spans.size(); i++) {
            int count = 0;
            for (int j = i; j < spans.size() && spans.get(j).end() <= spans.get(i).start() + LENGTH - LEAD; j++) {
                count++;
            }
            if (count > bestCount) {
                best = i;
                bestCount = count;
            }
        }
        return spans.get(best).start();
    }

    private static int afterSpace(String text, int at) {
        for (int i = at; i < Math.min(text.length(), at + WORD_SEARCH); i++) {
            if (Character.isWhitespace(text.charAt(i - 1))) {
                return i;
            }
        }
        return at;
    }

    private static int beforeSpace(String text, int at) {
        for (int i = at; i > Math.max(0, at - WORD_SEARCH); i--) {
            if (Character.isWhitespace(text.charAt(i))) {
                return i;
            }
        }
        return at;
    }

    /** Line breaks and tabs as spaces, one for one, so offsets stay valid. */
    private static String flat(String text) {
        return text.replace('\n', ' ').replace('\r', ' ').replace('\t', ' ');
    }
}
