package org.hearth.assistant.route.anonymise;

/** A span of the text {@code [start, end)} that holds client data of one type. */
record Finding(EntityType type, int start, int end) {

    Finding {
        if (start < 0 || end <= start) {
            throw new IllegalArgumentException("empty or negative span " + start + ".." + end);
        }
    }

    int length() {
        return end - start;
    }

    boolean overlaps(Finding other) {
        return start < other.end && other.start < end;
    }

    String in(String text) {
        return text.substring(start, end);
    }
}
