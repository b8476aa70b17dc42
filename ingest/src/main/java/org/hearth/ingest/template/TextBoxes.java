package org.hearth.ingest.template;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.MatchResult;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.xmlbeans.XmlObject;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * {@code {{Name}}} placeholders in text boxes ({@code w:txbxContent}, in Word's DrawingML and VML forms alike), which
 * poi-tl does not look into. Same rule as poi-tl's: a placeholder may be split across runs, the value takes the
 * formatting of the run it starts in, the other runs keep theirs.
 *
 * <p>Works on the live DOM (level 2, all XMLBeans offers) of POI's XML: inside VML the schema leaves the content
 * untyped, so POI's typed run classes cannot be used there, while the DOM edits the document itself either way.
 */
final class TextBoxes {

    private static final String W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
    private static final String PATH = "declare namespace w='" + W + "' .//w:txbxContent//w:p";

    private TextBoxes() {
    }

    static List<String> names(XWPFDocument document, Pattern placeholder) {
        List<String> names = new ArrayList<>();
        for (Element paragraph : paragraphs(document)) {
            Matcher matcher = placeholder.matcher(text(runs(paragraph)));
            while (matcher.find()) {
                names.add(matcher.group(1));
            }
        }
        return names;
    }

    /** Replaces every placeholder by {@code values}' answer, or a highlighted blank. */
    static void fill(XWPFDocument document, Pattern placeholder, Function<String, Optional<String>> values) {
        for (Element paragraph : paragraphs(document)) {
            List<Element> runs = runs(paragraph);
            List<MatchResult> tags = placeholder.matcher(text(runs)).results().toList();
            // from the last one back, so that the earlier ones' offsets stay valid
            for (MatchResult tag : tags.reversed()) {
                replace(runs, tag, values.apply(tag.group(1)));
            }
        }
    }

    private static void replace(List<Element> runs, MatchResult tag, Optional<String> value) {
        int[] starts = new int[runs.size() + 1];
        for (int i = 0; i < runs.size(); i++) {
            starts[i + 1] = starts[i] + runText(runs.get(i)).length();
        }
        int first = runAt(starts, tag.start());
        int last = runAt(starts, tag.end() - 1);
        String before = runText(runs.get(first)).substring(0, tag.start() - starts[first]);
        String after = runText(runs.get(last)).substring(tag.end() - starts[last]);
        for (int i = first + 1; i <= last; i++) {
            setRunText(runs.get(i), i == last ? after : "");
        }
        String tail = last == first ? after : "";
        if (value.isPresent()) {
            setRunText(runs.get(first), before + value.get() + tail);
            return;
        }
        // the blank in a run of its own, so that only it is highlighted
        setRunText(runs.get(first), before + tail);
        Element blank = (Element) runs.get(first).cloneNode(true);
        setRunText(blank, FieldText.BLANK);
        highlight(blank);
        runs.get(first).getParentNode().insertBefore(blank, runs.get(first).getNextSibling());
        if (!tail.isEmpty()) {
            setRunText(runs.get(first), before);
            Element rest = (Element) runs.get(first).cloneNode(true);
            setRunText(rest, tail);
            blank.getParentNode().insertBefore(rest, blank.getNextSibling());
        }
    }

    private static int runAt(int[] starts, int offset) {
        int run = 0;
        while (starts[run + 1] <= offset) {
            run++;
        }
        return run;
    }

    private static void highlight(Element run) {
        Element properties = child(run, "rPr");
        if (properties == null) {
            properties = run.getOwnerDocument().createElementNS(W, "w:rPr");
            run.insertBefore(properties, run.getFirstChild());
        }
        Element highlight = run.getOwnerDocument().createElementNS(W, "w:highlight");
        highlight.setAttributeNS(W, "w:val", "yellow");
        properties.appendChild(highlight);
    }

    private static String text(List<Element> runs) {
        StringBuilder text = new StringBuilder();
        runs.forEach(run -> text.append(runText(run)));
        return text.toString();
    }

    private static String runText(Element run) {
        StringBuilder text = new StringBuilder();
        for (Node node = run.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (isW(node, "t")) {
                for (Node piece = node.getFirstChild(); piece != null; piece = piece.getNextSibling()) {
                    text.append(piece.getNodeValue() == null ? "" : piece.getNodeValue());
                }
            }
        }
        return text.toString();
    }

    /** All of a run's text into its first {@code w:t}; the others emptied. */
    private static void setRunText(Element run, String text) {
        boolean first = true;
        for (Node node = run.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (isW(node, "t")) {
                while (node.getFirstChild() != null) {
                    node.removeChild(node.getFirstChild());
                }
                node.appendChild(run.getOwnerDocument().createTextNode(first ? text : ""));
                ((Element) node).setAttributeNS("http://www.w3.org/XML/1998/namespace", "xml:space", "preserve");
                first = false;
            }
        }
    }

    private static List<Element> runs(Element paragraph) {
        List<Element> runs = new ArrayList<>();
        for (Node node = paragraph.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (isW(node, "r")) {
                runs.add((Element) node);
            }
        }
        return runs;
    }

    private static Element child(Element parent, String localName) {
        for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (isW(node, localName)) {
                return (Element) node;
            }
        }
        return null;
    }

    private static boolean isW(Node node, String localName) {
        return node.getNodeType() == Node.ELEMENT_NODE && W.equals(node.getNamespaceURI()) && localName.equals(node.getLocalName());
    }

    private static List<Element> paragraphs(XWPFDocument document) {
        List<Element> paragraphs = new ArrayList<>();
        for (XmlObject part : TemplateParts.of(document)) {
            for (XmlObject paragraph : part.selectPath(PATH)) {
                paragraphs.add((Element) paragraph.getDomNode());
            }
        }
        return paragraphs;
    }
}
