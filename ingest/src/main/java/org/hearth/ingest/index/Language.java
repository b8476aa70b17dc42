package org.hearth.ingest.index;

/** The languages the index analyses text in; every document is indexed in one of them. */
public enum Language {
    GERMAN("de"), ENGLISH("en");

    private final String code;

    Language(String code) {
        this.code = code;
    }

    /** ISO 639-1, as stored in the index. */
    public String code() {
        return code;
    }

    static Language ofCode(String code) {
        for (Language language : values()) {
            if (language.code.equals(code)) {
                return language;
            }
        }
        throw new IllegalArgumentException("unknown language code: " + code);
    }
}
