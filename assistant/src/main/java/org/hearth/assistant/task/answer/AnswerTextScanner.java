package org.hearth.assistant.task.answer;

import org.hearth.assistant.task.JsonStringChars;

/**
 * Reads an {@link AnswerFormat} answer (compact JSON as the grammar writes it) while it is being
 * generated and passes on the text of its top-level {@code "answer"} string, unescaped and in
 * pieces, so the user reads the answer while the model still writes it. The same approach as the
 * summary's scanner, for a flat document. It trusts the grammar for well-formedness; the finished
 * answer is validated separately.
 */
final class AnswerTextScanner {

    /** Where the text goes. */
    interface Events {
        void text(String piece);

        /** The answer string is complete. */
        void end();
    }

    private static final String FIELD = "answer";

    private final Events events;
    private final StringBuilder key = new StringBuilder();
    private final StringBuilder pending = new StringBuilder();
    private int depth;
    private boolean inString;
    private boolean stringIsKey;
    private boolean expectingValue;
    private final JsonStringChars stringChars = new JsonStringChars();
    private String field = "";

    AnswerTextScanner(Events events) {
        this.events = events;
    }

    /** Reads the next piece of the answer. */
    void feed(String piece) {
        for (int i = 0; i < piece.length(); i++) {
            accept(piece.charAt(i));
        }
        flush();
    }

    private void accept(char c) {
        if (inString) {
            acceptInString(c);
            return;
        }
        switch (c) {
            case '{', '[' -> {
                depth++;
                expectingValue = false;
            }
            case '}', ']' -> depth--;
            case ':' -> expectingValue = true;
            case ',' -> expectingValue = false;
            case '"' -> {
                inString = true;
                stringIsKey = !expectingValue;
                if (stringIsKey) {
                    key.setLength(0);
                }
            }
            default -> { }
        }
    }

    private void acceptInString(char c) {
        if (stringChars.accept(c, this::append)) {
            inString = false;
            if (stringIsKey) {
                field = key.toString();
            } else {
                if (capturing()) {
                    flush();
                    events.end();
                }
                expectingValue = false;
            }
        }
    }

    private boolean capturing() {
        return !stringIsKey && depth == 1 && field.equals(FIELD);
    }

    private void append(char c) {
        if (stringIsKey) {
            key.append(c);
        } else if (capturing()) {
            pending.append(c);
        }
    }

    // Reported once per fed piece rather than per character, so a surrogate pair stays together.
    private void flush() {
        if (!pending.isEmpty()) {
            events.text(pending.toString());
            pending.setLength(0);
        }
    }

    /** The answer's text goes through the citation markers; one wiring for the answerer and its tests. */
    static AnswerTextScanner into(CitationMarkers markers) {
        return new AnswerTextScanner(new Events() {
            @Override
            public void text(String piece) {
                markers.accept(piece);
            }

            @Override
            public void end() {
                markers.finish();
            }
        });
    }
}
