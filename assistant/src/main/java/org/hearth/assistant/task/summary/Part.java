package org.hearth.assistant.task.summary;

import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;
import org.hearth.domain.Locator;

/**
 * One map step's share of the document: consecutive slices of passages that together fit one
 * prompt. Holds positions, not text, so splitting a 300-page document copies none of it.
 */
record Part(List<Slice> slices) {

    /** Characters {@code start..end} of passage {@code passage}; {@code tokens} as a prompt block. */
    record Slice(int passage, int start, int end, int tokens) {
    }

    Part {
        slices = List.copyOf(slices);
    }

    /** The locators this part covers, from its first passage's start to its last one's end. */
    Locator range(List<Passage> passages) {
        Locator first = passages.get(slices.getFirst().passage()).locator();
        Locator last = passages.get(slices.getLast().passage()).locator();
        return new Locator(first.unit(), first.from(), Math.max(first.to(), last.to()));
    }

    /** Every page (or paragraph) number the part's text carries: what its answer may cite. */
    SortedSet<Integer> numbers(List<Passage> passages) {
        SortedSet<Integer> numbers = new TreeSet<>();
        for (Slice slice : slices) {
            Locator locator = passages.get(slice.passage()).locator();
            for (int n = locator.from(); n <= locator.to(); n++) {
                numbers.add(n);
            }
        }
        return numbers;
    }

    /** The part's prompt blocks, built only when its step runs. */
    String blocks(List<Passage> passages, SummaryPrompts prompts) {
        StringBuilder text = new StringBuilder();
        for (Slice slice : slices) {
            Passage passage = passages.get(slice.passage());
            text.append(prompts.passageBlock(passage.locator(), passage.text().substring(slice.start(), slice.end())));
        }
        return text.toString();
    }
}
