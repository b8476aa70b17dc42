package org.hearth.ingest.document;

import java.io.IOException;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.StringJoiner;
import java.util.regex.Pattern;
import javax.xml.namespace.QName;
import org.apache.poi.xwpf.usermodel.IBodyElement;
import org.apache.poi.xwpf.usermodel.XWPFAbstractFootnoteEndnote;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFHeaderFooter;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFSDT;
import org.apache.poi.xwpf.usermodel.XWPFStyle;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.apache.xmlbeans.XmlCursor;
import org.hearth.domain.Locator;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTFtnEdnRef;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STFtnEdn;

/**
 * The blocks of a Word document: headers, then the body (paragraphs, list items, table rows),
 * then footnotes, then footers. Paragraph numbers count the body's paragraphs and table rows from 1,
 * empty ones included, so a number points at the same place however the text was split. A footnote
 * carries the number of the paragraph that refers to it; headers and footers span the whole body.
 */
final class DocxBlocks {

    /** Style names as Word stores them (English whatever the UI language), plus common custom ones. */
    private static final String WORD = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
    private static final QName ALT_CHUNK = new QName(WORD, "altChunk");
    private static final QName RELATIONSHIP_ID = new QName("http://schemas.openxmlformats.org/officeDocument/2006/relationships", "id");
    /** The tags of the body elements POI lists: paragraphs, tables, content controls. */
    private static final Set<String> LISTED_ELEMENTS = Set.of("p", "tbl", "sdt");
    private static final Pattern HEADING_STYLE = Pattern.compile("(?i)(heading\\s*\\d|title|subtitle|überschrift.*|titel|untertitel)");

    private final XWPFDocument document;
    private final ListNumbering numbering;
    private final List<TextBlock> body = new ArrayList<>();
    /** Footnote id → (display number, referring paragraph), in order of first reference. */
    private final Map<BigInteger, int[]> footnoteReferences = new LinkedHashMap<>();
    private int paragraph;

    DocxBlocks(XWPFDocument document) {
        this.document = document;
        this.numbering = new ListNumbering(document.getNumbering());
    }

    void emit(DocumentSink sink) throws IOException {
        // POI's body elements leave out imported chunks (w:altChunk); walking the body's XML puts
        // them in their place. The elements POI does list come in the same order as their tags.
        Iterator<IBodyElement> elements = document.getBodyElements().iterator();
        try (XmlCursor cursor = document.getDocument().getBody().newCursor()) {
            for (boolean more = cursor.toFirstChild(); more; more = cursor.toNextSibling()) {
                QName name = cursor.getName();
                if (name.equals(ALT_CHUNK)) {
                    altChunk(cursor.getAttributeText(RELATIONSHIP_ID));
                } else if (WORD.equals(name.getNamespaceURI()) && LISTED_ELEMENTS.contains(name.getLocalPart()) && elements.hasNext()) {
                    bodyElement(elements.next());
                }
            }
        }
        Locator wholeBody = new Locator(Locator.Unit.PARAGRAPH, 1, Math.max(1, paragraph));
        headerFooter(document.getHeaderList(), wholeBody, BlockKind.HEADER, sink);
        body.forEach(sink::block);
        footnotes(sink);
        headerFooter(document.getFooterList(), wholeBody, BlockKind.FOOTER, sink);
    }

    private void bodyElement(IBodyElement element) {
        switch (element) {
            case XWPFParagraph p -> paragraph(p);
            case XWPFTable table -> table(table);
            case XWPFSDT contentControl -> body.add(new TextBlock(contentControl.getContent().getText().strip(),
                    Locator.paragraph(++paragraph), BlockKind.BODY));
            default -> {
                // nothing readable in other body elements
            }
        }
    }

    private void altChunk(String relationshipId) throws IOException {
        for (String text : DocxAltChunk.paragraphs(document, relationshipId)) {
            body.add(new TextBlock(text, Locator.paragraph(++paragraph), BlockKind.BODY));
        }
    }

    private void paragraph(XWPFParagraph p) {
        paragraph++;
        String text = text(p);
        if (text.isBlank()) {
            return;
        }
        Locator locator = Locator.paragraph(paragraph);
        if (p.getNumID() != null && !BigInteger.ZERO.equals(p.getNumID())) {
            body.add(new TextBlock(numbering.next(p) + " " + text, locator, BlockKind.LIST_ITEM));
        } else {
            body.add(new TextBlock(text, locator, isHeading(p) ? BlockKind.HEADING : BlockKind.BODY));
        }
    }

    /** The paragraph's runs, with a footnote reference shown as its number in brackets, e.g. "[1]". */
    private String text(XWPFParagraph p) {
        StringBuilder text = new StringBuilder();
        for (XWPFRun run : p.getRuns()) {
            List<CTFtnEdnRef> references = run.getCTR().getFootnoteReferenceList();
            if (references.isEmpty()) {
                text.append(run.text());
            }
            for (CTFtnEdnRef reference : references) {
                int[] numberAndParagraph = footnoteReferences.computeIfAbsent(reference.getId(),
                        id -> new int[] {footnoteReferences.size() + 1, paragraph});
                text.append('[').append(numberAndParagraph[0]).append(']');
            }
        }
        return text.toString().strip();
    }

    private boolean isHeading(XWPFParagraph p) {
        String styleId = p.getStyleID();
        if (styleId == null) {
            return false;
        }
        XWPFStyle style = document.getStyles() == null ? null : document.getStyles().getStyle(styleId);
        String name = style != null && style.getName() != null ? style.getName() : styleId;
        return HEADING_STYLE.matcher(name).matches();
    }

    private void table(XWPFTable table) {
        for (XWPFTableRow row : table.getRows()) {
            paragraph++;
            StringJoiner cells = new StringJoiner(" | ");
            for (XWPFTableCell cell : row.getTableCells()) {
                cells.add(cell.getText().strip().replace('\n', ' '));
            }
            String text = cells.toString();
            if (!text.replace("|", "").isBlank()) {
                body.add(new TextBlock(text, Locator.paragraph(paragraph), BlockKind.TABLE));
            }
        }
    }

    private void footnotes(DocumentSink sink) {
        Map<BigInteger, XWPFAbstractFootnoteEndnote> byId = new LinkedHashMap<>();
        for (var footnote : document.getFootnotes()) {
            STFtnEdn.Enum type = footnote.getCTFtnEdn().getType();
            if (type == null || type == STFtnEdn.NORMAL) {
                byId.put(footnote.getId(), footnote);
            }
        }
        footnoteReferences.forEach((id, numberAndParagraph) -> {
            XWPFAbstractFootnoteEndnote footnote = byId.get(id);
            if (footnote != null) {
                StringJoiner text = new StringJoiner("\n");
                footnote.getParagraphs().forEach(p -> text.add(p.getText().strip()));
                String content = text.toString().strip();
                if (!content.isEmpty()) {
                    sink.block(new TextBlock("[" + numberAndParagraph[0] + "] " + content,
                            Locator.paragraph(numberAndParagraph[1]), BlockKind.FOOTNOTE));
                }
            }
        });
    }

    /** Word keeps up to three variants (first page, even pages, default); identical ones are shown once. */
    private static void headerFooter(List<? extends XWPFHeaderFooter> parts, Locator locator, BlockKind kind, DocumentSink sink) {
        Set<String> texts = new LinkedHashSet<>();
        for (XWPFHeaderFooter part : parts) {
            String text = part.getText().strip();
            if (!text.isEmpty()) {
                texts.add(text);
            }
        }
        texts.forEach(text -> sink.block(new TextBlock(text, locator, kind)));
    }
}
