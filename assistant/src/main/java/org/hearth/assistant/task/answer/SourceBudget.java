package org.hearth.assistant.task.answer;

import java.util.List;
import java.util.function.ToIntFunction;
import org.hearth.assistant.engine.PromptTooLongException;

/**
 * Fits the sources into the prompt's token budget. Search ranks them best first, so the
 * lowest-ranked go first; only when even the best one alone is too long is it cut, at a character
 * boundary (never inside a UTF-8 sequence or a surrogate pair), preferably at a space, and marked.
 */
public final class SourceBudget {

    private SourceBudget() {
    }

    /**
     * @param ranked       the sources, best first
     * @param promptTokens the whole prompt's tokens with the given sources
     * @param marker       appended to a cut source's text
     * @return the best sources that fit, possibly the best one alone and cut
     * @throws PromptTooLongException when the prompt does not fit even without sources
     */
    public static List<Source> fit(List<Source> ranked, int budget, ToIntFunction<List<Source>> promptTokens, String marker) {
        if (promptTokens.applyAsInt(ranked) <= budget) {
            return ranked;
        }
        if (promptTokens.applyAsInt(List.of()) > budget) {
            throw new PromptTooLongException("The question and instructions alone do not fit the context of the model; "
                    + "shorten the question or raise the context length");
        }
        // largest count of best sources that fits: fits(low) holds, fits(high) does not
        int low = 0;
        int high = ranked.size();
        while (high - low > 1) {
            int middle = (low + high) >>> 1;
            if (promptTokens.applyAsInt(ranked.subList(0, middle)) <= budget) {
                low = middle;
            } else {
                high = middle;
            }
        }
        return low > 0 ? List.copyOf(ranked.subList(0, low)) : List.of(cut(ranked.getFirst(), budget, promptTokens, marker));
    }

    private static Source cut(Source source, int budget, ToIntFunction<List<Source>> promptTokens, String marker) {
        String text = source.text();
        int low = 0;
        int high = text.codePointCount(0, text.length());
        while (high - low > 1) {
            int middle = (low + high) >>> 1;
            if (fits(withText(source, head(text, middle), marker), budget, promptTokens)) {
                low = middle;
            } else {
                high = middle;
            }
        }
        String head = head(text, low);
        if (low == 0 || !fits(withText(source, head, marker), budget, promptTokens)) {
            throw new PromptTooLongException("Not even the beginning of the best source fits the context of the model; "
                    + "shorten the question or raise the context length");
        }
        int space = lastWhitespace(head);
        if (space > head.length() / 2) {
            Source atSpace = withText(source, head.substring(0, space), marker);
            if (fits(atSpace, budget, promptTokens)) {
                return atSpace;
            }
        }
        return withText(source, head, marker);
    }

    private static boolean fits(Source source, int budget, ToIntFunction<List<Source>> promptTokens) {
        return promptTokens.applyAsInt(List.of(source)) <= budget;
    }

    private static Source withText(Source source, String head, String marker) {
        return new Source(source.n(), source.label(), head.stripTrailing() + marker);
    }

    private static String head(String text, int codePoints) {
        return text.substring(0, text.offsetByCodePoints(0, codePoints));
    }

    private static int lastWhitespace(String text) {
        for (int i = text.length() - 1; i >= 0; i--) {
            if (Character.isWhitespace(text.charAt(i))) {
                return i;
            }
        }
        return -1;
    }
}
