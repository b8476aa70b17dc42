package org.hearth.assistant.grammar;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Text of GBNF as llama.cpp's parser ({@code src/llama-grammar.cpp}) reads it. Everything
 * written is plain ASCII: other characters become hex escapes (backslash x, u or U), so the
 * grammar survives any charset between Java and the C string.
 */
final class Gbnf {

    /** One complete quoted terminal, as {@link #literal} writes it. */
    private static final Pattern LITERAL = Pattern.compile("\"(?:[^\"\\\\]|\\\\.)*\"");

    private Gbnf() {
    }

    /** A quoted terminal for exactly this text. */
    static String literal(String text) {
        StringBuilder out = new StringBuilder("\"");
        text.codePoints().forEach(c -> out.append(switch (c) {
            case '"' -> "\\\"";
            case '\\' -> "\\\\";
            case '\n' -> "\\n";
            case '\r' -> "\\r";
            case '\t' -> "\\t";
            default -> c >= 0x20 && c < 0x7F ? Character.toString(c) : escape(c);
        }));
        return out.append('"').toString();
    }

    private static String escape(int codePoint) {
        if (codePoint <= 0xFF) {
            return String.format("\\x%02X", codePoint);
        }
        return codePoint <= 0xFFFF ? String.format("\\u%04X", codePoint) : String.format("\\U%08X", codePoint);
    }

    /**
     * A word llama.cpp accepts as a rule name: it allows only ASCII letters, digits and '-'
     * ({@code is_word_char}), so underscores, spaces and umlauts are replaced.
     */
    static String ruleName(String text) {
        String transliterated = text.replace("ä", "ae").replace("ö", "oe").replace("ü", "ue")
                .replace("Ä", "Ae").replace("Ö", "Oe").replace("Ü", "Ue").replace("ß", "ss");
        String withoutAccents = Normalizer.normalize(transliterated, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        String name = withoutAccents.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-|-$", "");
        return name.isEmpty() ? "property" : name;
    }

    /** {@code item{min,max}} in the shortest form llama.cpp reads; empty if max is 0. */
    static String repeat(String item, int min, int max) {
        if (max == 0) {
            return "";
        }
        if (min == max) {
            return min == 1 ? item : item + "{" + min + "}";
        }
        return min == 0 && max == 1 ? item + "?" : item + "{" + min + "," + max + "}";
    }

    /** Symbols in sequence; empty parts are dropped and adjacent literals joined, for a readable grammar. */
    static String sequence(String... parts) {
        return sequence(List.of(parts));
    }

    static String sequence(List<String> parts) {
        List<String> symbols = new ArrayList<>();
        for (String part : parts) {
            if (part.isEmpty()) {
                continue;
            }
            if (!symbols.isEmpty() && LITERAL.matcher(part).matches() && LITERAL.matcher(symbols.getLast()).matches()) {
                String previous = symbols.removeLast();
                symbols.add(previous.substring(0, previous.length() - 1) + part.substring(1));
            } else {
                symbols.add(part);
            }
        }
        return String.join(" ", symbols);
    }

    /** Alternatives, parenthesised unless there is only one. */
    static String group(List<String> alternatives) {
        return alternatives.size() == 1 ? alternatives.getFirst() : "(" + String.join(" | ", alternatives) + ")";
    }
}
