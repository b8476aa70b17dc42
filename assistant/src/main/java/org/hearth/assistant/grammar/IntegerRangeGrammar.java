package org.hearth.assistant.grammar;

import java.util.ArrayList;
import java.util.List;

/**
 * GBNF for exactly the integers in [low, high], written as JSON writes them (no leading zeros,
 * no plus sign). Splits the range by digit count, then digit by digit, the way one writes a
 * numeric range as a regular expression; priority 1 to 5 thus becomes just {@code [1-5]}.
 */
final class IntegerRangeGrammar {

    private IntegerRangeGrammar() {
    }

    /** Alternatives separated by '|', suitable as a rule body. */
    static String expression(long low, long high) {
        if (low > high) {
            throw new IllegalArgumentException("empty range " + low + ".." + high);
        }
        List<String> alternatives = new ArrayList<>();
        if (high >= 0) {
            alternatives.addAll(nonNegative(Math.max(low, 0), high));
        }
        if (low < 0) {
            alternatives.add(Gbnf.sequence("\"-\"", Gbnf.group(nonNegative(-Math.min(high, -1), -low))));
        }
        return String.join(" | ", alternatives);
    }

    private static List<String> nonNegative(long low, long high) {
        List<String> alternatives = new ArrayList<>();
        int fullRunStart = 0;
        int fullRunEnd = 0;
        for (int digits = digitCount(low); digits <= digitCount(high); digits++) {
            long smallest = digits == 1 ? 0 : pow10(digits - 1);
            long largest = pow10(digits) - 1;
            long from = Math.max(low, smallest);
            long to = Math.min(high, largest);
            // whole digit counts (10..99, 100..999) share one alternative: [1-9] [0-9]{m,n}
            if (digits > 1 && from == smallest && to == largest) {
                fullRunStart = fullRunStart == 0 ? digits : fullRunStart;
                fullRunEnd = digits;
                continue;
            }
            if (fullRunStart != 0) {
                alternatives.add(anyOfLengths(fullRunStart, fullRunEnd));
                fullRunStart = 0;
            }
            alternatives.addAll(sameLength(Long.toString(from), Long.toString(to)));
        }
        if (fullRunStart != 0) {
            alternatives.add(anyOfLengths(fullRunStart, fullRunEnd));
        }
        return alternatives;
    }

    private static String anyOfLengths(int fromDigits, int toDigits) {
        return Gbnf.sequence("[1-9]", Gbnf.repeat("[0-9]", fromDigits - 1, toDigits - 1));
    }

    /** Numbers between two digit strings of equal length. */
    private static List<String> sameLength(String from, String to) {
        int common = 0;
        while (common < from.length() && from.charAt(common) == to.charAt(common)) {
            common++;
        }
        if (common == from.length()) {
            return List.of(Gbnf.literal(from));
        }
        String prefix = common == 0 ? "" : Gbnf.literal(from.substring(0, common));
        char first = from.charAt(common);
        char last = to.charAt(common);
        String fromRest = from.substring(common + 1);
        String toRest = to.substring(common + 1);
        int restLength = fromRest.length();

        List<String> alternatives = new ArrayList<>();
        boolean fromRestIsLowest = fromRest.chars().allMatch(c -> c == '0');
        boolean toRestIsHighest = toRest.chars().allMatch(c -> c == '9');
        if (!fromRestIsLowest) {
            alternatives.add(Gbnf.sequence(Gbnf.literal(String.valueOf(first)),
                    Gbnf.group(sameLength(fromRest, "9".repeat(restLength)))));
        }
        char middleFirst = fromRestIsLowest ? first : (char) (first + 1);
        char middleLast = toRestIsHighest ? last : (char) (last - 1);
        if (middleFirst <= middleLast) {
            alternatives.add(Gbnf.sequence(digitClass(middleFirst, middleLast), Gbnf.repeat("[0-9]", restLength, restLength)));
        }
        if (!toRestIsHighest) {
            alternatives.add(Gbnf.sequence(Gbnf.literal(String.valueOf(last)),
                    Gbnf.group(sameLength("0".repeat(restLength), toRest))));
        }
        return prefix.isEmpty() ? alternatives : List.of(Gbnf.sequence(prefix, Gbnf.group(alternatives)));
    }

    private static String digitClass(char first, char last) {
        return first == last ? Gbnf.literal(String.valueOf(first)) : "[" + first + "-" + last + "]";
    }

    private static int digitCount(long value) {
        return Long.toString(value).length();
    }

    private static long pow10(int exponent) {
        long result = 1;
        for (int i = 0; i < exponent; i++) {
            result *= 10;
        }
        return result;
    }
}
