package org.hearth.ingest.template;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.xmlbeans.XmlCursor;
import org.apache.xmlbeans.XmlObject;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTR;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTRPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTText;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STHighlightColor;

/**
 * Word content controls ({@code w:sdt}) named by a tag or, failing that, an alias, in the body (tables and text
 * boxes included), headers and footers. poi-tl reads placeholders inside them but does not fill a control by
 * its name (docs/decisions/0011), so this does, on POI's XML: the control's first text keeps its run and that
 * run's formatting and takes the value, the other texts are emptied; the control stays a control.
 */
final class ContentControls {

    private static final String W = "declare namespace w='http://schemas.openxmlformats.org/wordprocessingml/2006/main' ";

    /** A named control. */
    record Control(String name, XmlObject sdt) {
    }

    private ContentControls() {
    }

    static List<Control> in(XWPFDocument document) {
        List<Control> controls = new ArrayList<>();
        for (XmlObject part : TemplateParts.of(document)) {
            for (XmlObject sdt : part.selectPath(W + ".//w:sdt")) {
                name(sdt).ifPresent(name -> controls.add(new Control(name, sdt)));
            }
        }
        return controls;
    }

    private static Optional<String> name(XmlObject sdt) {
        return attribute(sdt, "./w:sdtPr/w:tag/@w:val").or(() -> attribute(sdt, "./w:sdtPr/w:alias/@w:val"));
    }

    private static Optional<String> attribute(XmlObject sdt, String path) {
        XmlObject[] found = sdt.selectPath(W + path);
        if (found.length == 0) {
            return Optional.empty();
        }
        try (XmlCursor cursor = found[0].newCursor()) {
            return Optional.of(cursor.getTextValue().strip()).filter(name -> !name.isEmpty());
        }
    }

    /** Writes {@code value} into the control, or a highlighted blank when there is none. */
    static void fill(Control control, Optional<String> value) {
        XmlObject[] texts = control.sdt().selectPath(W + "./w:sdtContent//w:t");
        if (texts.length == 0) {
            return;
        }
        for (int i = 0; i < texts.length; i++) {
            ((CTText) texts[i]).setStringValue(i == 0 ? value.orElse(FieldText.BLANK) : "");
        }
        ((CTText) texts[0]).setSpace(org.apache.xmlbeans.impl.xb.xmlschema.SpaceAttribute.Space.PRESERVE);
        removePlaceholderMark(control.sdt());
        if (value.isEmpty()) {
            highlight(texts[0]);
        }
    }

    /** Word shows a control marked "showing placeholder" as its grey prompt text and replaces it on typing. */
    private static void removePlaceholderMark(XmlObject sdt) {
        for (XmlObject mark : sdt.selectPath(W + "./w:sdtPr/w:showingPlcHdr")) {
            try (XmlCursor cursor = mark.newCursor()) {
                cursor.removeXml();
            }
        }
    }

    private static void highlight(XmlObject text) {
        try (XmlCursor cursor = text.newCursor()) {
            if (cursor.toParent() && cursor.getObject() instanceof CTR run) {
                CTRPr properties = run.isSetRPr() ? run.getRPr() : run.addNewRPr();
                properties.addNewHighlight().setVal(STHighlightColor.YELLOW);
            }
        }
    }
}
