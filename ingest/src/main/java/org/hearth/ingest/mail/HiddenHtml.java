package org.hearth.ingest.mail;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Removes HTML elements a mail reader would not see: {@code display:none}, {@code visibility:hidden}, a font size
 * of 0 or 1px, zero opacity, white or transparent text without a background of its own, and the {@code hidden}
 * attribute. Only inline styles are looked at (the cheap, common case of hidden prompt text); classes from a
 * {@code <style>} sheet are not resolved.
 */
final class HiddenHtml {

    private static final Pattern START_TAG = Pattern.compile("<([a-zA-Z][a-zA-Z0-9]*)\\b([^>]*)>");
    private static final Pattern STYLE = Pattern.compile("(?i)\\bstyle\\s*=\\s*(\"[^\"]*\"|'[^']*'|[^\\s>]+)");
    private static final Pattern HIDDEN_ATTRIBUTE = Pattern.compile("(?i)(^|\\s)hidden(\\s|=|/|$)");
    private static final Pattern HIDDEN_STYLE = Pattern.compile(
            "(^|;)(display:none|visibility:hidden|opacity:0(\\.0*)?(;|$|!)|font-size:(0(\\.\\d+)?|1)(px|pt|em|rem|%)?(;|$|!)"
                    + "|(max-)?height:0(px)?(;|$|!).*overflow:hidden|line-height:0(px)?(;|$|!))");
    private static final Pattern INVISIBLE_COLOUR = Pattern.compile(
            "(^|;)color:(#fff(fff)?|white|transparent|rgba\\([^)]*,0(\\.0*)?\\))(;|$|!)");
    private static final Pattern BACKGROUND = Pattern.compile("(^|;)background(-color)?:");
    private static final Pattern VOID_ELEMENT = Pattern.compile(
            "(?i)area|base|br|col|embed|hr|img|input|link|meta|source|track|wbr");

    private HiddenHtml() {
    }

    /** The HTML without hidden elements (and their content). */
    static String strip(String html) {
        StringBuilder out = new StringBuilder(html.length());
        Matcher tag = START_TAG.matcher(html);
        int copied = 0;
        int from = 0;
        while (tag.find(from)) {
            if (!isHidden(tag.group(2))) {
                from = tag.end();
                continue;
            }
            out.append(html, copied, tag.start());
            int end = tag.group(2).endsWith("/") || VOID_ELEMENT.matcher(tag.group(1)).matches()
                    ? tag.end()
                    : elementEnd(html, tag.group(1), tag.end());
            copied = end;
            from = end;
        }
        out.append(html, copied, html.length());
        return out.toString();
    }

    static boolean isHidden(String attributes) {
        if (HIDDEN_ATTRIBUTE.matcher(attributes).find()) {
            return true;
        }
        Matcher style = STYLE.matcher(attributes);
        if (!style.find()) {
            return false;
        }
        String css = style.group(1).replaceAll("[\"'\\s]", "").toLowerCase(Locale.ROOT);
        if (HIDDEN_STYLE.matcher(css).find()) {
            return true;
        }
        return INVISIBLE_COLOUR.matcher(css).find() && !BACKGROUND.matcher(css).find();
    }

    /** The index after the end tag matching an element opened just before {@code from}; the end if unclosed. */
    private static int elementEnd(String html, String name, int from) {
        Pattern sameName = Pattern.compile("(?i)<(/?)" + Pattern.quote(name) + "\\b[^>]*>");
        Matcher matcher = sameName.matcher(html);
        int depth = 1;
        int position = from;
        while (matcher.find(position)) {
            boolean selfClosing = matcher.group().endsWith("/>");
            if (!matcher.group(1).isEmpty()) {
                depth--;
            } else if (!selfClosing) {
                depth++;
            }
            if (depth == 0) {
                return matcher.end();
            }
            position = matcher.end();
        }
        return html.length();
    }
}
