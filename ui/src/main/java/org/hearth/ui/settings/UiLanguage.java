package org.hearth.ui.settings;

import java.util.Arrays;
import java.util.Locale;

/** The window's language as the settings store it: "" follows the system. */
public enum UiLanguage {
    SYSTEM(""), GERMAN("de"), ENGLISH("en");

    private final String code;

    UiLanguage(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    public static UiLanguage of(String code) {
        return Arrays.stream(values()).filter(l -> l.code.equals(code)).findFirst().orElse(SYSTEM);
    }

    public static UiLanguage of(Locale locale) {
        return locale.getLanguage().equals(GERMAN.code) ? GERMAN : ENGLISH;
    }
}
