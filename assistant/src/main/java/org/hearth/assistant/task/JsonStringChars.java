package org.hearth.assistant.task;

/**
 * Decodes the inside of a JSON string as it streams in, one character at a time (escapes and {@code \}{@code u}
 * sequences), so an answer's text can be shown while the model is still writing it.
 */
public final class JsonStringChars {

    /** Receives the string's decoded characters. */
    @FunctionalInterface
    public interface Sink {
        void append(char c);
    }

    private boolean escaped;
    private int unicodeDigits = -1;
    private int unicodeValue;

    /**
     * Takes the next character inside a string.
     *
     * @return true when {@code c} was the quote that closes the string (nothing is appended then)
     */
    public boolean accept(char c, Sink sink) {
        if (unicodeDigits >= 0) {
            unicodeValue = unicodeValue * 16 + Character.digit(c, 16);
            if (++unicodeDigits == 4) {
                sink.append((char) unicodeValue);
                unicodeDigits = -1;
            }
        } else if (escaped) {
            escaped = false;
            switch (c) {
                case 'n' -> sink.append('\n');
                case 't' -> sink.append('\t');
                case 'r' -> sink.append('\r');
                case 'b' -> sink.append('\b');
                case 'f' -> sink.append('\f');
                case 'u' -> {
                    unicodeDigits = 0;
                    unicodeValue = 0;
                }
                default -> sink.append(c);
            }
        } else if (c == '\\') {
            escaped = true;
        } else if (c == '"') {
            return true;
        } else {
            sink.append(c);
        }
        return false;
    }
}
