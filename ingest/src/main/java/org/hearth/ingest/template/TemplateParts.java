package org.hearth.ingest.template;

import java.util.ArrayList;
import java.util.List;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFFooter;
import org.apache.poi.xwpf.usermodel.XWPFHeader;
import org.apache.xmlbeans.XmlObject;

/** The XML of every part a field can stand in: the body (tables and text boxes inside it), headers and footers. */
final class TemplateParts {

    private TemplateParts() {
    }

    static List<XmlObject> of(XWPFDocument document) {
        List<XmlObject> parts = new ArrayList<>();
        parts.add(document.getDocument());
        for (XWPFHeader header : document.getHeaderList()) {
            parts.add(header._getHdrFtr());
        }
        for (XWPFFooter footer : document.getFooterList()) {
            parts.add(footer._getHdrFtr());
        }
        return parts;
    }
}
