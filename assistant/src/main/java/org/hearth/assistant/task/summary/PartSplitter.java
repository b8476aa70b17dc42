package org.hearth.assistant.task.summary;

import java.util.ArrayList;
import java.util.List;
import java.util.function.ToIntFunction;

/**
 * Splits a document into parts of at most a token budget, along passage boundaries; a passage
 * larger than the budget is cut into slices at whitespace, each keeping the passage's locator.
 */
final class PartSplitter {

    private PartSplitter() {
    }

    /**
     * @param tokens counts the model's tokens of a text
     * @param budget the most tokens of passage blocks one part may have
     */
    static List<Part> split(List<Passage> passages, SummaryPrompts prompts, ToIntFunction<String> tokens, int budget) {
        List<Part.Slice> slices = new ArrayList<>();
        for (int i = 0; i < passages.size(); i++) {
            Passage passage = passages.get(i);
            int whole = tokens.applyAsInt(prompts.passageBlock(passage.locator(), passage.text()));
            if (whole <= budget) {
                slices.add(new Part.Slice(i, 0, passage.text().length(), whole));
            } else {
                cut(i, passage, prompts, tokens, budget, whole, slices);
            }
        }
        return pack(slices, Part.Slice::tokens, budget).stream().map(Part::new).toList();
    }

    /** Consecutive runs of elements whose tokens add up to at most {@code budget} (greedy, order kept). */
    static <T> List<List<T>> pack(List<T> elements, ToIntFunction<T> tokens, int budget) {
        List<List<T>> groups = new ArrayList<>();
        List<T> current = new ArrayList<>();
        int used = 0;
        for (T element : elements) {
            int size = tokens.applyAsInt(element);
            if (!current.isEmpty() && used + size > budget) {
                groups.add(current);
                current = new ArrayList<>();
                used = 0;
            }
            current.add(element);
            used += size;
        }
        if (!current.isEmpty()) {
            groups.add(current);
        }
        return groups;
    }

    private static void cut(int index, Passage passage, SummaryPrompts prompts, ToIntFunction<String> tokens,
                            int budget, int wholeTokens, List<Part.Slice> slices) {
        String text = passage.text();
        double charsPerToken = (double) text.length() / wholeTokens;
        int start = 0;
        while (start < text.length()) {
            int end = Math.min(text.length(), start + Math.max(1, (int) (budget * charsPerToken * 0.9)));
            while (true) {
                end = boundary(text, start, end);
                int size = tokens.applyAsInt(prompts.passageBlock(passage.locator(), text.substring(start, end)));
                if (size <= budget) {
                    slices.add(new Part.Slice(index, start, end, size));
                    break;
                }
                if (end - start <= 1) {
                    throw new IllegalStateException("A single character of " + passage.locator() + " exceeds the token budget " + budget);
                }
                end = start + (end - start) * 3 / 4;
            }
            start = end;
        }
    }

    /** Moves a cut back to just after whitespace (if there is some in the second half) and off a surrogate pair. */
    private static int boundary(String text, int start, int end) {
        if (end >= text.length()) {
            return text.length();
        }
        for (int i = end; i > start + (end - start) / 2; i--) {
            if (Character.isWhitespace(text.charAt(i - 1))) {
                return i;
            }
        }
        return Character.isHighSurrogate(text.charAt(end - 1)) && end - 1 > start ? end - 1 : end;
    }
}
