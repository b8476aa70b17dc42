package org.hearth.assistant.route.anonymise;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Chooses among findings that overlap: the longer one wins (an organisation over the person's name inside it, a
 * whole address over its postcode); at equal length the type listed first in {@link EntityType} wins.
 */
final class Overlaps {

    private Overlaps() {
    }

    /** The kept findings, ordered by start, none overlapping. */
    static List<Finding> resolve(List<Finding> findings) {
        List<Finding> byStrength = new ArrayList<>(findings);
        byStrength.sort(Comparator.comparingInt(Finding::length).reversed()
                .thenComparing(Finding::type)
                .thenComparingInt(Finding::start));
        TreeMap<Integer, Finding> kept = new TreeMap<>();
        for (Finding candidate : byStrength) {
            Map.Entry<Integer, Finding> before = kept.floorEntry(candidate.start());
            Map.Entry<Integer, Finding> after = kept.ceilingEntry(candidate.start());
            boolean free = (before == null || !before.getValue().overlaps(candidate))
                    && (after == null || !after.getValue().overlaps(candidate));
            if (free) {
                kept.put(candidate.start(), candidate);
            }
        }
        return List.copyOf(kept.values());
    }
}
