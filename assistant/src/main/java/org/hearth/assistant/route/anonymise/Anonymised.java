package org.hearth.assistant.route.anonymise;

import java.util.List;

/**
 * A text made fit to leave the machine: {@link #outgoing()} is exactly what would be sent; the replacements say
 * where each placeholder stands and what it replaced, for the local preview and to prove nothing is lost.
 */
public record Anonymised(String outgoing, List<Replacement> replacements) {

    /** {@code placeholder} stands at {@code [start, end)} of the outgoing text, where the source had {@code original}. */
    public record Replacement(int start, int end, Placeholder placeholder, String original) {
    }

    public Anonymised {
        replacements = List.copyOf(replacements);
    }

    /** The source text, rebuilt from the outgoing text and the replacements. */
    public String source() {
        StringBuilder source = new StringBuilder(outgoing.length());
        int at = 0;
        for (Replacement replacement : replacements) {
            source.append(outgoing, at, replacement.start()).append(replacement.original());
            at = replacement.end();
        }
        return source.append(outgoing, at, outgoing.length()).toString();
    }
}
