package org.hearth.assistant.task.summary;

import java.util.ArrayList;
import java.util.List;
import org.hearth.assistant.task.JsonStringChars;

/**
 * Reads an {@link AnswerFormat} answer ({@code {"items":[{…},…]}}, compact JSON as the grammar
 * writes it) while it is being generated and reports each item's fields as they arrive, string
 * contents unescaped and in pieces, so the summary can be shown before the model has finished.
 * It trusts the grammar for well-formedness; the finished answer is validated separately.
 */
final class AnswerScanner {

    /** What the scanner found; fields are those of one item. */
    interface Events {
        void itemStart();

        void stringStart(String field);

        void stringText(String field, String text);

        void stringEnd(String field);

        void nullValue(String field);

        void numbers(String field, List<Integer> values);
    }

    private static final int ITEM = 3;
    private static final int ITEM_ARRAY = 4;

    private final Events events;
    private final StringBuilder key = new StringBuilder();
    private final StringBuilder pending = new StringBuilder();
    private final List<Integer> numbers = new ArrayList<>();
    private int depth;
    private boolean inString;
    private boolean stringIsKey;
    private final JsonStringChars stringChars = new JsonStringChars();
    private boolean expectingValue;
    private String field = "";
    private int number = -1;

    AnswerScanner(Events events) {
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
            case '{' -> {
                depth++;
                expectingValue = false;
                if (depth == ITEM) {
                    events.itemStart();
                }
            }
            case '}', ']' -> {
                if (depth == ITEM_ARRAY) {
                    endNumber();
                    events.numbers(field, List.copyOf(numbers));
                    numbers.clear();
                }
                depth--;
            }
            case '[' -> depth++;
            case '"' -> {
                inString = true;
                stringIsKey = !expectingValue;
                if (stringIsKey) {
                    key.setLength(0);
                } else if (depth == ITEM) {
                    events.stringStart(field);
                }
            }
            case ':' -> expectingValue = true;
            case ',' -> {
                if (depth == ITEM_ARRAY) {
                    endNumber();
                } else {
                    expectingValue = false;
                }
            }
            case 'n' -> {
                // the first letter of null; the grammar allows no other bare word starting with n
                if (depth == ITEM && expectingValue) {
                    events.nullValue(field);
                    expectingValue = false;
                }
            }
            default -> {
                if (depth == ITEM_ARRAY && c >= '0' && c <= '9') {
                    number = Math.max(number, 0) * 10 + (c - '0');
                }
            }
        }
    }

    private void acceptInString(char c) {
        if (stringChars.accept(c, this::append)) {
            inString = false;
            if (stringIsKey) {
                field = key.toString();
            } else if (depth == ITEM) {
                flush();
                events.stringEnd(field);
                expectingValue = false;
            }
        }
    }

    private void append(char c) {
        if (stringIsKey) {
            key.append(c);
        } else if (depth == ITEM) {
            pending.append(c);
        }
    }

    // Reported once per fed piece rather than per character, so a surrogate pair stays together.
    private void flush() {
        if (!pending.isEmpty()) {
            events.stringText(field, pending.toString());
            pending.setLength(0);
        }
    }

    private void endNumber() {
        if (number >= 0) {
            numbers.add(number);
            number = -1;
        }
    }
}
