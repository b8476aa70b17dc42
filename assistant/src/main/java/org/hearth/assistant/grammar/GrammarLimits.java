package org.hearth.assistant.grammar;

/**
 * Upper bounds the grammar imposes where the schema sets none. Every string and array in a
 * generated grammar is bounded so that any generation, even from a model with random weights,
 * ends in valid JSON instead of running into the token limit.
 *
 * @param maxStringLength characters allowed in a string without {@code maxLength}
 * @param maxArrayItems   items allowed in an array without {@code maxItems}
 */
public record GrammarLimits(int maxStringLength, int maxArrayItems) {

    /** 200 characters fit a subject line or a short quote; 20 items fit any list a mail yields. */
    public static final GrammarLimits DEFAULT = new GrammarLimits(200, 20);

    /**
     * llama.cpp turns a repetition {@code {m,n}} with n above 2000 into an unbounded one and
     * rejects n * (rules in the repeated group) of 2000 or more, so every bound stays below.
     */
    public static final int MAX_REPETITION = 1999;

    /** Integers get at most this many digits: enough for any file number, exact in a double. */
    public static final int MAX_INTEGER_DIGITS = 15;

    /** Numbers get at most this many digits after the decimal point. */
    public static final int MAX_FRACTION_DIGITS = 6;

    public GrammarLimits {
        if (maxStringLength < 0 || maxStringLength > MAX_REPETITION) {
            throw new IllegalArgumentException("maxStringLength must be within 0.." + MAX_REPETITION);
        }
        if (maxArrayItems < 0 || maxArrayItems > MAX_REPETITION) {
            throw new IllegalArgumentException("maxArrayItems must be within 0.." + MAX_REPETITION);
        }
    }
}
