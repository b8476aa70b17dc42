package org.hearth.assistant.grammar;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;

/**
 * A test-only reader and matcher for GBNF, following the syntax rules of llama.cpp's parser
 * (src/llama-grammar.cpp: parse_rule, parse_sequence, parse_char): rule names of ASCII letters,
 * digits and '-', literals and character classes with the same escapes, '|', grouping, '?',
 * '*', '+', '{m}', '{m,}', '{m,n}' (n above 2000 meaning unbounded, as there) and rule
 * references. Anything llama.cpp would refuse is refused here too, with a few stricter checks
 * (duplicate rules). Matching is exact: the set of end positions is computed for each start.
 */
final class GbnfRecognizer {

    private static final int LLAMA_MAX_REPETITION = 2000;
    private static final int UNBOUNDED = -1;

    private sealed interface Expr {
    }

    /** One character from a set of inclusive ranges, or from its complement. */
    private record Chars(List<int[]> ranges, boolean negated) implements Expr {

        boolean matches(int c) {
            boolean inside = ranges.stream().anyMatch(range -> range[0] <= c && c <= range[1]);
            return inside != negated;
        }
    }

    private record Sequence(List<Expr> items) implements Expr {
    }

    private record Alternatives(List<Expr> options) implements Expr {
    }

    private record Reference(String name) implements Expr {
    }

    private record Repeat(Expr item, int min, int max) implements Expr {
    }

    private final Map<String, Expr> rules = new LinkedHashMap<>();
    private final String text;
    private int pos;
    /** llama.cpp's symbol table size: rule names, groups and the rules each repetition expands into. */
    private final Set<String> symbolNames = new HashSet<>();
    private int generatedSymbols;

    private GbnfRecognizer(String text) {
        this.text = text;
    }

    static GbnfRecognizer parse(String grammar) {
        GbnfRecognizer recognizer = new GbnfRecognizer(grammar);
        recognizer.parseRules();
        return recognizer;
    }

    Set<String> ruleNames() {
        return rules.keySet();
    }

    /** Whether the whole text is in the language of the root rule. */
    boolean matches(String input) {
        int[] codePoints = input.codePoints().toArray();
        return new Matcher(codePoints).ends(new Reference("root"), 0).contains(codePoints.length);
    }

    /** The most characters any string of the language can have, or {@link Long#MAX_VALUE} if unbounded. */
    long longestMatch() {
        return longest(new Reference("root"), new HashMap<>(), new HashSet<>());
    }

    // ---- parsing, mirroring llama.cpp's structure so that its limits show up here as well

    private void parseRules() {
        skipSpace(true);
        while (pos < text.length()) {
            String name = parseName();
            symbolNames.add(name);
            skipSpace(false);
            if (!text.startsWith("::=", pos)) {
                throw error("expecting ::=");
            }
            pos += 3;
            skipSpace(true);
            Expr body = parseAlternatives(false);
            if (pos < text.length() && text.charAt(pos) != '\n' && text.charAt(pos) != '\r') {
                throw error("expecting newline or end");
            }
            if (rules.put(name, body) != null) {
                throw error("rule '" + name + "' defined twice");
            }
            skipSpace(true);
        }
        for (Expr body : rules.values()) {
            checkReferences(body);
        }
        if (!rules.containsKey("root")) {
            throw error("no root rule");
        }
    }

    private void checkReferences(Expr expr) {
        switch (expr) {
            case Reference reference -> {
                if (!rules.containsKey(reference.name())) {
                    throw new IllegalArgumentException("Undefined rule identifier '" + reference.name() + "'");
                }
            }
            case Sequence sequence -> sequence.items().forEach(this::checkReferences);
            case Alternatives alternatives -> alternatives.options().forEach(this::checkReferences);
            case Repeat repeat -> checkReferences(repeat.item());
            case Chars chars -> {
            }
        }
    }

    private Expr parseAlternatives(boolean nested) {
        List<Expr> options = new ArrayList<>(List.of(parseSequence(nested)));
        while (peek() == '|') {
            pos++;
            skipSpace(true);
            options.add(parseSequence(nested));
        }
        return options.size() == 1 ? options.getFirst() : new Alternatives(options);
    }

    private Expr parseSequence(boolean nested) {
        List<Expr> items = new ArrayList<>();
        int lastItemSymbols = 1;
        while (pos < text.length()) {
            char c = text.charAt(pos);
            int symbolsBefore = symbolCount();
            if (c == '"') {
                pos++;
                List<Expr> characters = new ArrayList<>();
                while (peek() != '"') {
                    if (pos >= text.length()) {
                        throw error("unexpected end of input");
                    }
                    int ch = parseChar();
                    characters.add(new Chars(List.<int[]>of(new int[] {ch, ch}), false));
                }
                pos++;
                // one item, so that a following '?' applies to the whole literal as in llama.cpp
                items.add(new Sequence(characters));
            } else if (c == '[') {
                pos++;
                boolean negated = peek() == '^';
                if (negated) {
                    pos++;
                }
                List<int[]> ranges = new ArrayList<>();
                while (peek() != ']') {
                    if (pos >= text.length()) {
                        throw error("unexpected end of input");
                    }
                    int from = parseChar();
                    int to = from;
                    if (peek() == '-' && pos + 1 < text.length() && text.charAt(pos + 1) != ']') {
                        pos++;
                        to = parseChar();
                    }
                    ranges.add(new int[] {from, to});
                }
                pos++;
                items.add(new Chars(ranges, negated));
            } else if (isWordChar(c)) {
                String name = parseName();
                symbolNames.add(name);
                items.add(new Reference(name));
            } else if (c == '(') {
                pos++;
                skipSpace(true);
                generatedSymbols++;
                items.add(parseAlternatives(true));
                if (peek() != ')') {
                    throw error("expecting ')'");
                }
                pos++;
                lastItemSymbols = Math.max(1, symbolCount() - symbolsBefore);
            } else if (c == '.') {
                pos++;
                items.add(new Chars(List.of(), true));
            } else if (c == '*' || c == '+' || c == '?' || c == '{') {
                if (items.isEmpty()) {
                    throw error("expecting preceding item to */+/?/{");
                }
                pos++;
                int[] bounds = switch (c) {
                    case '*' -> new int[] {0, UNBOUNDED};
                    case '+' -> new int[] {1, UNBOUNDED};
                    case '?' -> new int[] {0, 1};
                    default -> parseBraces(nested);
                };
                checkRepetitionThreshold(lastItemSymbols, bounds[0], bounds[1]);
                items.add(new Repeat(items.removeLast(), bounds[0], bounds[1]));
            } else {
                break;
            }
            if (c != '(' && c != '*' && c != '+' && c != '?' && c != '{') {
                lastItemSymbols = 1;
            }
            skipSpace(nested);
        }
        return items.size() == 1 ? items.getFirst() : new Sequence(items);
    }

    private int symbolCount() {
        return symbolNames.size() + generatedSymbols;
    }

    /**
     * llama.cpp refuses to repeat a group n times when n times the rules created inside the
     * group reaches 2000 (handle_repetitions), and creates max - min rules for the repetition.
     */
    private void checkRepetitionThreshold(int itemSymbols, int min, int max) {
        long total = max != UNBOUNDED && max > 0 ? max : Math.max(min, 1);
        if ((long) itemSymbols * total >= LLAMA_MAX_REPETITION) {
            throw error("number of rules that are going to be repeated multiplied by the new repetition exceeds sane defaults");
        }
        generatedSymbols += max == UNBOUNDED ? 1 : max - min;
    }

    private int[] parseBraces(boolean nested) {
        skipSpace(nested);
        int min = parseInt();
        skipSpace(nested);
        int max;
        if (peek() == '}') {
            max = min;
        } else if (peek() == ',') {
            pos++;
            skipSpace(nested);
            max = Character.isDigit(peek()) ? parseInt() : UNBOUNDED;
            skipSpace(nested);
            if (peek() != '}') {
                throw error("expecting '}'");
            }
        } else {
            throw error("expecting ','");
        }
        pos++;
        if (min > LLAMA_MAX_REPETITION) {
            throw error("number of repetitions exceeds sane defaults");
        }
        // llama.cpp quietly drops an upper bound above its threshold
        return new int[] {min, max > LLAMA_MAX_REPETITION ? UNBOUNDED : max};
    }

    private int parseInt() {
        int start = pos;
        while (Character.isDigit(peek())) {
            pos++;
        }
        if (start == pos) {
            throw error("expecting an int");
        }
        return Integer.parseInt(text.substring(start, pos));
    }

    private int parseChar() {
        if (text.charAt(pos) != '\\') {
            int c = text.codePointAt(pos);
            pos += Character.charCount(c);
            return c;
        }
        char escape = pos + 1 < text.length() ? text.charAt(pos + 1) : 0;
        pos += 2;
        return switch (escape) {
            case 'x' -> parseHex(2);
            case 'u' -> parseHex(4);
            case 'U' -> parseHex(8);
            case 't' -> '\t';
            case 'r' -> '\r';
            case 'n' -> '\n';
            case '\\', '"', '[', ']', '-' -> escape;
            default -> throw error("unknown escape");
        };
    }

    private int parseHex(int digits) {
        if (pos + digits > text.length()) {
            throw error("expecting " + digits + " hex chars");
        }
        String hex = text.substring(pos, pos + digits);
        if (!hex.matches("[0-9a-fA-F]+")) {
            throw error("expecting " + digits + " hex chars");
        }
        pos += digits;
        return Integer.parseInt(hex, 16);
    }

    private String parseName() {
        int start = pos;
        while (pos < text.length() && isWordChar(text.charAt(pos))) {
            pos++;
        }
        if (start == pos) {
            throw error("expecting name");
        }
        return text.substring(start, pos);
    }

    private void skipSpace(boolean newlineOk) {
        while (pos < text.length()) {
            char c = text.charAt(pos);
            if (c == '#') {
                while (pos < text.length() && text.charAt(pos) != '\n' && text.charAt(pos) != '\r') {
                    pos++;
                }
            } else if (c == ' ' || c == '\t' || (newlineOk && (c == '\n' || c == '\r'))) {
                pos++;
            } else {
                return;
            }
        }
    }

    private char peek() {
        return pos < text.length() ? text.charAt(pos) : 0;
    }

    private static boolean isWordChar(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-';
    }

    private IllegalArgumentException error(String message) {
        int lineStart = text.lastIndexOf('\n', Math.max(pos - 1, 0)) + 1;
        return new IllegalArgumentException(message + " at " + pos + " in: " + text.substring(lineStart, Math.min(text.length(), pos + 40)));
    }

    /**
     * A random string of the language, choosing like a model with random weights would: any
     * alternative, any repetition count, any allowed character (from a sample that includes
     * quotes, backslashes, controls, umlauts and characters beyond the BMP).
     */
    String generate(Random random) {
        StringBuilder out = new StringBuilder();
        generate(new Reference("root"), random, out, 0);
        return out.toString();
    }

    private static final int[] CHARACTER_SAMPLE = "a Z0\"\\/\n\u0001\u007Fä€ß😀-:{}[],.".codePoints().toArray();

    private void generate(Expr expr, Random random, StringBuilder out, int depth) {
        if (depth > 200) {
            throw new IllegalStateException("grammar nests too deep to be finite");
        }
        switch (expr) {
            case Chars chars -> out.appendCodePoint(randomCharacter(chars, random));
            case Sequence sequence -> sequence.items().forEach(item -> generate(item, random, out, depth + 1));
            case Alternatives alternatives ->
                    generate(alternatives.options().get(random.nextInt(alternatives.options().size())), random, out, depth + 1);
            case Repeat repeat -> {
                int max = repeat.max() == UNBOUNDED ? repeat.min() + 50 : repeat.max();
                // favour the extremes, where the bounds are
                int count = switch (random.nextInt(3)) {
                    case 0 -> repeat.min();
                    case 1 -> max;
                    default -> repeat.min() + random.nextInt(max - repeat.min() + 1);
                };
                for (int i = 0; i < count; i++) {
                    generate(repeat.item(), random, out, depth + 1);
                }
            }
            case Reference reference -> generate(rules.get(reference.name()), random, out, depth + 1);
        }
    }

    private static int randomCharacter(Chars chars, Random random) {
        if (!chars.negated()) {
            int[] range = chars.ranges().get(random.nextInt(chars.ranges().size()));
            return range[0] + random.nextInt(range[1] - range[0] + 1);
        }
        int offset = random.nextInt(CHARACTER_SAMPLE.length);
        for (int i = 0; i < CHARACTER_SAMPLE.length; i++) {
            int candidate = CHARACTER_SAMPLE[(offset + i) % CHARACTER_SAMPLE.length];
            if (chars.matches(candidate)) {
                return candidate;
            }
        }
        throw new IllegalStateException("no sample character fits " + chars);
    }

    // ---- language size

    private long longest(Expr expr, Map<String, Long> done, Set<String> visiting) {
        return switch (expr) {
            case Chars chars -> 1;
            case Sequence sequence -> {
                long sum = 0;
                for (Expr item : sequence.items()) {
                    sum = saturatedAdd(sum, longest(item, done, visiting));
                }
                yield sum;
            }
            case Alternatives alternatives -> {
                long max = 0;
                for (Expr option : alternatives.options()) {
                    max = Math.max(max, longest(option, done, visiting));
                }
                yield max;
            }
            case Repeat repeat -> {
                long item = longest(repeat.item(), done, visiting);
                yield repeat.max() == UNBOUNDED && item > 0 ? Long.MAX_VALUE : saturatedMultiply(item, Math.max(repeat.max(), 0));
            }
            case Reference reference -> {
                Long known = done.get(reference.name());
                if (known != null) {
                    yield known;
                }
                if (!visiting.add(reference.name())) {
                    yield Long.MAX_VALUE; // recursion: nesting without end
                }
                long length = longest(rules.get(reference.name()), done, visiting);
                visiting.remove(reference.name());
                done.put(reference.name(), length);
                yield length;
            }
        };
    }

    private static long saturatedAdd(long a, long b) {
        return a > Long.MAX_VALUE - b ? Long.MAX_VALUE : a + b;
    }

    private static long saturatedMultiply(long a, long b) {
        return b != 0 && a > Long.MAX_VALUE / b ? Long.MAX_VALUE : a * b;
    }

    // ---- matching

    private final class Matcher {

        private final int[] input;
        private final Map<String, Map<Integer, Set<Integer>>> memo = new HashMap<>();
        private final Set<String> inProgress = new HashSet<>();

        Matcher(int[] input) {
            this.input = input;
        }

        /** Every position where a match of expr starting at start can end. */
        Set<Integer> ends(Expr expr, int start) {
            return switch (expr) {
                case Chars chars -> start < input.length && chars.matches(input[start]) ? Set.of(start + 1) : Set.of();
                case Sequence sequence -> {
                    Set<Integer> positions = Set.of(start);
                    for (Expr item : sequence.items()) {
                        positions = step(item, positions);
                    }
                    yield positions;
                }
                case Alternatives alternatives -> {
                    Set<Integer> all = new TreeSet<>();
                    alternatives.options().forEach(option -> all.addAll(ends(option, start)));
                    yield all;
                }
                case Repeat repeat -> repeat(repeat, start);
                case Reference reference -> {
                    Map<Integer, Set<Integer>> byStart = memo.computeIfAbsent(reference.name(), name -> new HashMap<>());
                    Set<Integer> known = byStart.get(start);
                    if (known != null) {
                        yield known;
                    }
                    String key = reference.name() + "@" + start;
                    if (!inProgress.add(key)) {
                        throw new IllegalStateException("left recursion through " + reference.name());
                    }
                    Set<Integer> result = ends(rules.get(reference.name()), start);
                    inProgress.remove(key);
                    byStart.put(start, result);
                    yield result;
                }
            };
        }

        private Set<Integer> step(Expr item, Set<Integer> starts) {
            Set<Integer> next = new TreeSet<>();
            starts.forEach(position -> next.addAll(ends(item, position)));
            return next;
        }

        private Set<Integer> repeat(Repeat repeat, int start) {
            Set<Integer> result = new TreeSet<>();
            Set<Integer> positions = Set.of(start);
            if (repeat.min() == 0) {
                result.add(start);
            }
            // beyond input.length + 1 rounds nothing new can appear: each round either consumes or repeats a position
            int rounds = repeat.max() == UNBOUNDED ? input.length + 1 : repeat.max();
            for (int round = 1; round <= Math.max(rounds, repeat.min()) && !positions.isEmpty(); round++) {
                positions = step(repeat.item(), positions);
                if (round >= repeat.min()) {
                    result.addAll(positions);
                }
            }
            return result;
        }
    }
}
