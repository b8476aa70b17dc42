package org.hearth.ingest.document;

import java.math.BigInteger;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.apache.poi.xwpf.usermodel.XWPFAbstractNum;
import org.apache.poi.xwpf.usermodel.XWPFNum;
import org.apache.poi.xwpf.usermodel.XWPFNumbering;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTLvl;

/**
 * The number or bullet Word would show before a list paragraph ("1.", "a)", "ii.", "•"). Best
 * effort: counters run per list in document order and restart deeper levels when a level advances,
 * which is what ordinary contracts and briefs use; exotic restarts and linked lists are not modelled.
 */
final class ListNumbering {

    private static final int LEVELS = 9;

    private final XWPFNumbering numbering;
    private final Map<BigInteger, int[]> counters = new HashMap<>();

    ListNumbering(XWPFNumbering numbering) {
        this.numbering = numbering;
    }

    String next(XWPFParagraph paragraph) {
        BigInteger numId = paragraph.getNumID();
        int level = paragraph.getNumIlvl() == null ? 0 : Math.clamp(paragraph.getNumIlvl().intValue(), 0, LEVELS - 1);
        CTLvl[] definitions = definitions(numId);
        CTLvl definition = definitions[level];
        String format = definition != null && definition.getNumFmt() != null ? definition.getNumFmt().getVal().toString() : "decimal";
        if ("bullet".equals(format)) {
            return "•";
        }
        int[] counter = counters.computeIfAbsent(numId, id -> new int[LEVELS]);
        counter[level] = counter[level] == 0 ? start(definition) : counter[level] + 1;
        for (int deeper = level + 1; deeper < LEVELS; deeper++) {
            counter[deeper] = 0;
        }
        String template = definition != null && definition.getLvlText() != null && definition.getLvlText().getVal() != null
                ? definition.getLvlText().getVal() : "%" + (level + 1) + ".";
        StringBuilder marker = new StringBuilder();
        for (int i = 0; i < template.length(); i++) {
            char c = template.charAt(i);
            if (c == '%' && i + 1 < template.length() && Character.isDigit(template.charAt(i + 1))) {
                int referenced = Math.clamp(template.charAt(++i) - '1', 0, LEVELS - 1);
                int value = Math.max(counter[referenced], referenced == level ? 1 : start(definitions[referenced]));
                marker.append(render(value, referenced == level ? format : formatOf(definitions[referenced])));
            } else {
                marker.append(c);
            }
        }
        return marker.toString().strip();
    }

    private CTLvl[] definitions(BigInteger numId) {
        CTLvl[] levels = new CTLvl[LEVELS];
        Optional.ofNullable(numbering)
                .map(n -> n.getNum(numId))
                .map(XWPFNum::getCTNum)
                .map(num -> num.getAbstractNumId() == null ? null : numbering.getAbstractNum(num.getAbstractNumId().getVal()))
                .map(XWPFAbstractNum::getCTAbstractNum)
                .ifPresent(abstractNum -> {
                    for (CTLvl lvl : abstractNum.getLvlArray()) {
                        int index = lvl.getIlvl() == null ? 0 : lvl.getIlvl().intValue();
                        if (index >= 0 && index < LEVELS) {
                            levels[index] = lvl;
                        }
                    }
                });
        return levels;
    }

    private static int start(CTLvl definition) {
        return definition != null && definition.getStart() != null ? definition.getStart().getVal().intValue() : 1;
    }

    private static String formatOf(CTLvl definition) {
        return definition != null && definition.getNumFmt() != null ? definition.getNumFmt().getVal().toString() : "decimal";
    }

    static String render(int value, String format) {
        return switch (format) {
            case "lowerLetter" -> letters(value);
            case "upperLetter" -> letters(value).toUpperCase(Locale.ROOT);
            case "lowerRoman" -> roman(value).toLowerCase(Locale.ROOT);
            case "upperRoman" -> roman(value);
            default -> Integer.toString(value);
        };
    }

    /** a, b, …, z, aa, bb, … as Word counts. */
    private static String letters(int value) {
        if (value < 1) {
            return Integer.toString(value);
        }
        char letter = (char) ('a' + (value - 1) % 26);
        return String.valueOf(letter).repeat((value - 1) / 26 + 1);
    }

    private static String roman(int value) {
        if (value < 1 || value > 3999) {
            return Integer.toString(value);
        }
        int[] values = {1000, 900, 500, 400, 100, 90, 50, 40, 10, 9, 5, 4, 1};
        String[] symbols = {"M", "CM", "D", "CD", "C", "XC", "L", "XL", "X", "IX", "V", "IV", "I"};
        StringBuilder out = new StringBuilder();
        int rest = value;
        for (int i = 0; i < values.length; i++) {
            while (rest >= values[i]) {
                out.append(symbols[i]);
                rest -= values[i];
            }
        }
        return out.toString();
    }
}
