package org.hearth.domain;

/**
 * The languages Hearth reads and writes: the index analyses a document in one of them, a summary or an answer is
 * written in one of them (and so are its prompts: the model answers in the language it is addressed in).
 */
public enum Language {
    GERMAN("de"), ENGLISH("en");

    private final String code;

    Language(String code) {
        this.code = code;
    }

    /** ISO 639-1, as stored in the index and given on the command line. */
    public String code() {
        return code;
    }

    /** The language of an ISO 639-1 code this enum knows; anything else is a caller's mistake. */
    public static Language ofCode(String code) {
        for (Language language : values()) {
            if (language.code.equals(code)) {
                return language;
            }
        }
        throw new IllegalArgumentException("unknown language code: " + code);
    }
}
