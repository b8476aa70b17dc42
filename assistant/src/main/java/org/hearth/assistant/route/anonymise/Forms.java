package org.hearth.assistant.route.anonymise;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * How one value is recognised wherever it is written again: names in any case, with a genitive or plural ending
 * and any kind of space or hyphen; numbers with or without their spaces, dots and slashes.
 */
final class Forms {

    private static final String SPACE = "[\\s\\u00A0\\u202F]+";
    private static final String HYPHEN = "[-\\u2010\\u2011\\u2012\\u2013]";
    private static final String SEPARATOR = "[\\s\\u00A0./()\\-\\u2010\\u2011]?";

    private Forms() {
    }

    static boolean numeric(EntityType type) {
        return switch (type) {
            case IBAN, TAX_ID, PHONE, COURT_FILE_NUMBER, FIRM_FILE_NUMBER, LICENCE_PLATE -> true;
            default -> false;
        };
    }

    /** The key two writings of the same value share. */
    static String key(EntityType type, String value) {
        String text = Normalizer.normalize(value, Normalizer.Form.NFC);
        if (numeric(type)) {
            return text.replaceAll("[^\\p{L}\\p{N}]", "").toUpperCase(Locale.ROOT);
        }
        return text.replaceAll("[\\s\\u00A0\\u202F]+", " ").replaceAll(HYPHEN, "-").toLowerCase(Locale.ROOT);
    }

    /** A pattern that finds {@code value} in any of its writings. */
    static Pattern pattern(EntityType type, String value) {
        StringBuilder regex = new StringBuilder("(?<![\\p{L}\\p{N}])");
        if (numeric(type)) {
            String compact = key(type, value);
            for (int i = 0; i < compact.length(); i++) {
                if (i > 0) {
                    regex.append(SEPARATOR);
                }
                regex.append(Pattern.quote(String.valueOf(compact.charAt(i))));
            }
            regex.append("(?![\\p{L}\\p{N}])");
        } else {
            StringBuilder word = new StringBuilder();
            String stripped = value.strip();
            for (int i = 0; i < stripped.length(); i++) {
                char c = stripped.charAt(i);
                boolean space = Character.isWhitespace(c) || c == '\u00A0' || c == '\u202F';
                boolean hyphen = String.valueOf(c).matches(HYPHEN);
                if (!space && !hyphen) {
                    word.append(c);
                    continue;
                }
                appendQuoted(regex, word);
                if (hyphen) {
                    regex.append(HYPHEN);
                } else if (!regex.toString().endsWith(SPACE)) {
                    regex.append(SPACE);
                }
            }
            appendQuoted(regex, word);
            regex.append(type == EntityType.PERSON || type == EntityType.ORGANISATION
                    ? "(?=(?:s|es|n|['’]s)?(?![\\p{L}\\p{N}]))" : "(?![\\p{L}\\p{N}])");
        }
        return Pattern.compile(regex.toString(), Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE | Pattern.UNICODE_CHARACTER_CLASS);
    }

    private static void appendQuoted(StringBuilder regex, StringBuilder word) {
        if (!word.isEmpty()) {
            regex.append(Pattern.quote(word.toString()));
            word.setLength(0);
        }
    }
}
