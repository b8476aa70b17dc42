package org.hearth.assistant.task.answer;

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
    private boolean escaped;
    private int unicodeDigits = -1;
    private int unicodeValue;
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
        if (unicodeDigits >= 0) {
            unicodeValue = unicodeValue * 16 + Character.digit(c, 16);
            if (++unicodeDigits == 4) {
                append((char) unicodeValue);
                unicodeDigits = -1;
            }
        } else if (escaped) {
            escaped = false;
            switch (c) {
                case 'n' -> append('\n');
                case 't' -> append('\t');
                case 'r' -> append('\r');
                case 'b' -> append('\b');
                case 'f' -> append('\f');
                case 'u' -> {
                    unicodeDigits = 0;
                    unicodeValue = 0;
                }
                default -> append(c);
            }
        } else if (c == '\\') {
            escaped = true;
        } else if (c == '"') {
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
        } else {
            append(c);
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
}
