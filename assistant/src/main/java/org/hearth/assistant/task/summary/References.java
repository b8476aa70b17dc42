package org.hearth.assistant.task.summary;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.TreeSet;
import org.hearth.domain.Language;
import org.hearth.domain.Locator;

/** Writes page or paragraph numbers as people read them: "(S. 3, 12–14)", "(para. 3–5)". */
final class References {

    private References() {
    }

    /** The numbers as a parenthesised reference in the summary's language, e.g. "(S. 12–14)". */
    static String render(Collection<Integer> numbers, Locator.Unit unit, Language language) {
        List<String> ranges = merge(numbers, unit).stream()
                .map(range -> range.from() == range.to() ? Integer.toString(range.from()) : range.from() + "–" + range.to())
                .toList();
        return "(" + abbreviation(unit, language) + " " + String.join(", ", ranges) + ")";
    }

    /** Distinct numbers, sorted, with neighbours joined into ranges. */
    static List<Locator> merge(Collection<Integer> numbers, Locator.Unit unit) {
        List<Locator> ranges = new ArrayList<>();
        int from = -1;
        int to = -1;
        for (int number : new TreeSet<>(numbers)) {
            if (from > 0 && number == to + 1) {
                to = number;
                continue;
            }
            if (from > 0) {
                ranges.add(new Locator(unit, from, to));
            }
            from = number;
            to = number;
        }
        if (from > 0) {
            ranges.add(new Locator(unit, from, to));
        }
        return ranges;
    }

    static String abbreviation(Locator.Unit unit, Language language) {
        return switch (unit) {
            case PAGE -> language == Language.GERMAN ? "S." : "p.";
            case PARAGRAPH -> language == Language.GERMAN ? "Abs." : "para.";
        };
    }
}
