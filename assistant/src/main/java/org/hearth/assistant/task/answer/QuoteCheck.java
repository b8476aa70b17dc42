package org.hearth.assistant.task.answer;

import java.text.Normalizer;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks that a citation's quote really stands in its source: verbatim, case-sensitive, with
 * differences forgiven only where text extraction and typing differ without changing the words.
 *
 * <p>Forgiven, in quote and source alike:
 * <ul>
 *   <li>whitespace: every run of Unicode whitespace (line breaks, tabs, no-break spaces) counts as one
 *       space, and ends are trimmed — PDF text breaks lines where the model writes spaces;</li>
 *   <li>typography: typographic and straight quotation marks count as the same mark („“”« and ",
 *       ‚‘’‹ and '), and hyphens and dashes (‐ – — − and -) as the same dash — keyboards and
 *       typesetting differ there, the wording does not;</li>
 *   <li>encoding: Unicode composition (NFC), ligatures from PDFs (ﬁ = fi), soft hyphens and zero-width
 *       characters;</li>
 *   <li>a word hyphenated across a line break in the source ("Kündi-⏎gungsfrist") also matches the
 *       whole word;</li>
 *   <li>quotation marks, ellipses and closing punctuation around the quote: the model often frames
 *       or ends an excerpt that way.</li>
 * </ul>
 * Not forgiven: any other change of letters, digits or case, and an ellipsis inside the quote
 * (words left out are not a verbatim quote). A quote of fewer than {@link #MIN_WORDS} words is not
 * verified: it would be found almost anywhere and proves nothing.
 */
public final class QuoteCheck {

    /** Fewer words than this would match by chance ("die Frist"), so they prove nothing. */
    public static final int MIN_WORDS = 3;

    private static final Pattern WHITESPACE = Pattern.compile("\\s+", Pattern.UNICODE_CHARACTER_CLASS);
    private static final Pattern INVISIBLE = Pattern.compile("[\\u00AD\\u200B-\\u200D\\u2060\\uFEFF]");
    private static final Pattern DOUBLE_QUOTES = Pattern.compile("[\"\\u201C\\u201D\\u201E\\u201F\\u00AB\\u00BB\\u2033\\u301D\\u301E\\uFF02]");
    private static final Pattern SINGLE_QUOTES = Pattern.compile("['\\u2018\\u2019\\u201A\\u201B\\u2039\\u203A\\u2032\\uFF07]");
    private static final Pattern DASHES = Pattern.compile("[\\u2010-\\u2015\\u2212\\uFE58\\uFE63\\uFF0D]");
    private static final Pattern LINE_BREAK_HYPHENATION = Pattern.compile("(\\p{L})[-\\u00AD\\u2010\\u2011][ \\t]*\\R\\s*(\\p{Ll})");
    private static final Pattern FRAME = Pattern.compile("^(?:[\"']|\\.\\.\\.|…|\\s)+|(?:[\"'.,;:!?…]|\\s)+$");
    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]+");
    private static final Map<String, String> LIGATURES = Map.of(
            "\uFB00", "ff", "\uFB01", "fi", "\uFB02", "fl", "\uFB03", "ffi", "\uFB04", "ffl", "\uFB05", "st", "\uFB06", "st");
    private static final Pattern LIGATURE = Pattern.compile("[\\uFB00-\\uFB06]");

    private QuoteCheck() {
    }

    /** True when {@code quote} (of at least {@link #MIN_WORDS} words) stands in {@code sourceText}, as described above. */
    public static boolean verify(String quote, String sourceText) {
        if (quote == null || sourceText == null) {
            return false;
        }
        String needle = FRAME.matcher(normalise(quote)).replaceAll("");
        if (WORD.matcher(needle).results().count() < MIN_WORDS) {
            return false;
        }
        if (normalise(sourceText).contains(needle)) {
            return true;
        }
        Matcher hyphenation = LINE_BREAK_HYPHENATION.matcher(sourceText);
        return hyphenation.find() && normalise(hyphenation.replaceAll("$1$2")).contains(needle);
    }

    public static String normalise(String text) {
        String composed = Normalizer.normalize(text, Normalizer.Form.NFC);
        String visible = INVISIBLE.matcher(composed).replaceAll("");
        String unligated = LIGATURE.matcher(visible).replaceAll(m -> LIGATURES.get(m.group()));
        String quotes = SINGLE_QUOTES.matcher(DOUBLE_QUOTES.matcher(unligated).replaceAll("\"")).replaceAll("'");
        String dashes = DASHES.matcher(quotes).replaceAll("-");
        return WHITESPACE.matcher(dashes).replaceAll(" ").strip();
    }
}
