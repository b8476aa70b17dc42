package org.hearth.ingest.mail;

import java.util.Set;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeVisitor;

/**
 * The text of an HTML mail body as the reader sees it: jsoup parses it the way a browser would (every entity,
 * attributes holding "&gt;", unclosed comments hiding the rest), {@link HiddenHtml} drops what is not shown, and
 * the markup's line and paragraph breaks are kept. Not a layout engine: no CSS sheets, no tables laid out.
 */
public final class HtmlText {

    /** Content the reader never sees; {@code head} is not walked at all. */
    private static final Set<String> NOT_SHOWN = Set.of("script", "style", "template", "title");
    private static final Set<String> PARAGRAPHS = Set.of("p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "table",
            "blockquote", "tr", "li", "ul", "ol", "pre", "section", "article", "header", "footer");
    private static final Pattern SPACES = Pattern.compile("[ \\t\\u00a0\\r\\n\\f]+");
    private static final Pattern SPACES_AROUND_BREAKS = Pattern.compile(" *\\n *");
    private static final Pattern EXTRA_BLANK_LINES = Pattern.compile("\\n{3,}");

    private HtmlText() {
    }

    public static String of(String html) {
        Document document = Jsoup.parse(html);
        HiddenHtml.remove(document);
        StringBuilder text = new StringBuilder();
        document.body().traverse(new Collector(text));
        String spaced = SPACES_AROUND_BREAKS.matcher(text).replaceAll("\n");
        return EXTRA_BLANK_LINES.matcher(spaced).replaceAll("\n\n").strip();
    }

    /** Text nodes with their whitespace collapsed (as HTML renders it); breaks come from the elements. */
    private record Collector(StringBuilder text) implements NodeVisitor {

        @Override
        public void head(Node node, int depth) {
            if (node instanceof TextNode textNode && !insideNotShown(textNode)) {
                text.append(SPACES.matcher(textNode.getWholeText()).replaceAll(" "));
            } else if (node instanceof Element element) {
                switch (element.normalName()) {
                    case "br" -> text.append('\n');
                    case "li" -> text.append("\n• ");
                    default -> {
                        if (PARAGRAPHS.contains(element.normalName())) {
                            text.append("\n\n");
                        }
                    }
                }
            }
        }

        @Override
        public void tail(Node node, int depth) {
            if (node instanceof Element element) {
                if (element.normalName().equals("td") || element.normalName().equals("th")) {
                    text.append(" | ");
                } else if (PARAGRAPHS.contains(element.normalName())) {
                    text.append("\n\n");
                }
            }
        }

        private static boolean insideNotShown(TextNode node) {
            return node.parent() instanceof Element parent && NOT_SHOWN.contains(parent.normalName());
        }
    }
}
