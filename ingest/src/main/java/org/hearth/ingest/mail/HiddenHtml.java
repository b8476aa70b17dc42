package org.hearth.ingest.mail;

import java.util.Locale;
import java.util.regex.Pattern;
import org.jsoup.nodes.Element;

/**
 * Removes HTML elements a mail reader would not see: {@code display:none}, {@code visibility:hidden}, a font size
 * of 0 or 1px, zero opacity, white or transparent text without a background of its own, and the {@code hidden}
 * attribute. Hidden text is how prompt injection hides in a mail. Only inline styles are looked at (the cheap,
 * common case); classes from a {@code <style>} sheet are not resolved.
 */
final class HiddenHtml {

    private static final Pattern HIDDEN_STYLE = Pattern.compile(
            "(^|;)(display:none|visibility:hidden|opacity:0(\\.0*)?(;|$|!)|font-size:(0(\\.\\d+)?|1)(px|pt|em|rem|%)?(;|$|!)"
                    + "|(max-)?height:0(px)?(;|$|!).*overflow:hidden|line-height:0(px)?(;|$|!))");
    private static final Pattern INVISIBLE_COLOUR = Pattern.compile(
            "(^|;)color:(#fff(fff)?|white|transparent|rgba\\([^)]*,0(\\.0*)?\\))(;|$|!)");
    private static final Pattern BACKGROUND = Pattern.compile("(^|;)background(-color)?:");
    private static final Pattern CSS_NOISE = Pattern.compile("[\"'\\s]");

    private HiddenHtml() {
    }

    /** Removes every hidden element, with its content, from {@code root}. */
    static void remove(Element root) {
        // getAllElements is a copy: removing while walking it is safe, and removing inside a removed one is harmless
        for (Element element : root.getAllElements()) {
            if (element != root && isHidden(element)) {
                element.remove();
            }
        }
    }

    static boolean isHidden(Element element) {
        if (element.hasAttr("hidden")) {
            return true;
        }
        String css = CSS_NOISE.matcher(element.attr("style")).replaceAll("").toLowerCase(Locale.ROOT);
        if (css.isEmpty()) {
            return false;
        }
        if (HIDDEN_STYLE.matcher(css).find()) {
            return true;
        }
        return INVISIBLE_COLOUR.matcher(css).find() && !BACKGROUND.matcher(css).find();
    }
}
