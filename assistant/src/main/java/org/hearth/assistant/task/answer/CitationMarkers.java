package org.hearth.assistant.task.answer;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.SequencedSet;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Passes streamed answer text on, removing citation markers that name no source of the prompt:
 * "[7]" when only sources 1–3 were given cites nothing and must not look like a reference. The
 * grammar guarantees real numbers in the citations list, not in free text, hence this filter.
 * Text that might be a marker ("[1", "[1, ") is held back until it is decided; anything else in
 * brackets passes unchanged. Markers naming some real sources keep only those ("[2, 9]" becomes
 * "[2]").
 */
final class CitationMarkers {

    /** Longer bracketed text is no marker: "[1, 2, 3, 4]" fits, a sentence in brackets does not. */
    private static final int MAX_MARKER = 24;
    private static final Pattern MARKER = Pattern.compile("\\[\\s*\\d{1,6}(\\s*,\\s*\\d{1,6})*\\s*]");
    private static final Pattern SEPARATORS = Pattern.compile("[\\[\\],\\s]+");

    private final Set<Integer> sources;
    private final Consumer<String> out;
    private final StringBuilder held = new StringBuilder();
    private final StringBuilder ready = new StringBuilder();

    CitationMarkers(Set<Integer> sources, Consumer<String> out) {
        this.sources = Set.copyOf(sources);
        this.out = out;
    }

    void accept(String piece) {
        for (int i = 0; i < piece.length(); i++) {
            accept(piece.charAt(i));
        }
        emit();
    }

    /** Releases text still held back: the answer ended inside something that looked like a marker. */
    void finish() {
        ready.append(held);
        held.setLength(0);
        emit();
    }

    private void accept(char c) {
        if (held.isEmpty()) {
            if (c == '[') {
                held.append(c);
            } else {
                ready.append(c);
            }
            return;
        }
        if (c == ']') {
            held.append(c);
            ready.append(resolve(held.toString()));
            held.setLength(0);
        } else if ((c >= '0' && c <= '9' || c == ',' || c == ' ') && held.length() < MAX_MARKER) {
            held.append(c);
        } else {
            ready.append(held);
            held.setLength(0);
            accept(c);
        }
    }

    private String resolve(String bracketed) {
        if (!MARKER.matcher(bracketed).matches()) {
            return bracketed;
        }
        List<Integer> named = SEPARATORS.splitAsStream(bracketed).filter(part -> !part.isEmpty()).map(Integer::valueOf).toList();
        SequencedSet<Integer> real = named.stream().filter(sources::contains).collect(Collectors.toCollection(LinkedHashSet::new));
        if (real.size() == named.size()) {
            return bracketed;
        }
        return real.isEmpty() ? "" : real.stream().map(String::valueOf).collect(Collectors.joining(", ", "[", "]"));
    }

    private void emit() {
        if (!ready.isEmpty()) {
            out.accept(ready.toString());
            ready.setLength(0);
        }
    }
}
