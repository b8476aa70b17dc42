package org.hearth.ingest.document;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The readable text of an HTML mail body. Not a browser: drops scripts, styles and tags, keeps line
 * and paragraph breaks, and decodes the entities mail programs use. Each pattern is linear in the input.
 */
public final class HtmlText {

    private static final Pattern SOURCE_LINE_BREAKS = Pattern.compile("[\\r\\n]+");
    private static final Pattern SPACES_AROUND_BREAKS = Pattern.compile(" *\\n *");
    private static final Pattern EXTRA_BLANK_LINES = Pattern.compile("\\n{3,}");
    private static final Pattern INVISIBLE = Pattern.compile("(?is)<(script|style|head)\\b[^>]*>.*?</\\1\\s*>");
    private static final Pattern COMMENT = Pattern.compile("(?s)<!--.*?-->");
    private static final Pattern LINE_BREAK = Pattern.compile("(?i)<br\\b[^>]*>");
    private static final Pattern BLOCK_END = Pattern.compile("(?i)</(p|div|h[1-6]|li|tr|table|blockquote)\\s*>|<(p|div|h[1-6]|table|blockquote)\\b[^>]*>");
    private static final Pattern LIST_ITEM = Pattern.compile("(?i)<li\\b[^>]*>");
    private static final Pattern CELL_END = Pattern.compile("(?i)</t[dh]\\s*>");
    private static final Pattern TAG = Pattern.compile("<[^>]*>");
    private static final Pattern ENTITY = Pattern.compile("&(#\\d{1,7}|#[xX][0-9a-fA-F]{1,6}|[a-zA-Z]{2,8});");
    private static final Pattern SPACES = Pattern.compile("[ \\t\\u00a0]+");
    private static final Map<String, String> NAMED = Map.ofEntries(
            Map.entry("amp", "&"), Map.entry("lt", "<"), Map.entry("gt", ">"), Map.entry("quot", "\""),
            Map.entry("apos", "'"), Map.entry("nbsp", " "), Map.entry("auml", "ä"), Map.entry("ouml", "ö"),
            Map.entry("uuml", "ü"), Map.entry("Auml", "Ä"), Map.entry("Ouml", "Ö"), Map.entry("Uuml", "Ü"),
            Map.entry("szlig", "ß"), Map.entry("euro", "€"), Map.entry("sect", "§"), Map.entry("ndash", "–"),
            Map.entry("mdash", "—"), Map.entry("bdquo", "„"), Map.entry("ldquo", "“"), Map.entry("rdquo", "”"),
            Map.entry("hellip", "…"), Map.entry("copy", "©"), Map.entry("bull", "•"));

    private HtmlText() {
    }

    public static String of(String html) {
        // In HTML a line break in the source is just a space; breaks come from the markup.
        String text = SOURCE_LINE_BREAKS.matcher(html).replaceAll(" ");
        text = INVISIBLE.matcher(text).replaceAll(" ");
        text = COMMENT.matcher(text).replaceAll(" ");
        text = LINE_BREAK.matcher(text).replaceAll("\n");
        text = LIST_ITEM.matcher(text).replaceAll("\n• ");
        text = BLOCK_END.matcher(text).replaceAll("\n\n");
        text = CELL_END.matcher(text).replaceAll(" | ");
        text = TAG.matcher(text).replaceAll("");
        text = decodeEntities(text);
        text = SPACES.matcher(text).replaceAll(" ");
        text = SPACES_AROUND_BREAKS.matcher(text).replaceAll("\n");
        return EXTRA_BLANK_LINES.matcher(text).replaceAll("\n\n").strip();
    }

    private static String decodeEntities(String text) {
        Matcher matcher = ENTITY.matcher(text);
        StringBuilder out = new StringBuilder(text.length());
        while (matcher.find()) {
            matcher.appendReplacement(out, Matcher.quoteReplacement(entity(matcher.group(1), matcher.group())));
        }
        matcher.appendTail(out);
        return out.toString();
    }

    private static String entity(String name, String original) {
        try {
            if (name.startsWith("#x") || name.startsWith("#X")) {
                return Character.toString(Integer.parseInt(name.substring(2), 16));
            }
            if (name.startsWith("#")) {
                return Character.toString(Integer.parseInt(name.substring(1)));
            }
        } catch (IllegalArgumentException notACodePoint) {
            return original;
        }
        return NAMED.getOrDefault(name, original);
    }
}
