package org.hearth.ingest.document;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.xml.namespace.QName;
import org.apache.poi.common.usermodel.PictureType;
import org.apache.poi.openxml4j.opc.PackagePart;
import org.apache.poi.openxml4j.opc.PackagePartName;
import org.apache.poi.openxml4j.opc.PackageRelationship;
import org.apache.poi.openxml4j.opc.PackagingURIHelper;
import org.apache.poi.openxml4j.opc.TargetMode;
import org.apache.poi.util.Units;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.xmlbeans.XmlCursor;
import org.hearth.domain.Locator;
import org.hearth.fixtures.documents.TestDocx;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Parts of a Word file besides its paragraphs: embedded media and imported (altChunk) HTML. */
class DocxPartsTest {

    private static final String W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
    private static final String R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
    private static final String AF_CHUNK = R + "/aFChunk";

    @TempDir
    Path dir;

    @Test
    void a_picture_that_inflates_far_is_not_a_zip_bomb_when_the_text_is_small() throws Exception {
        // like Word's testWORD_embedded_pdf.docx: 46 characters of text and a metafile that inflates 130x and more
        String text = "Siehe die eingebettete PDF-Datei unten, bitte.";
        Path file = dir.resolve("eingebettet.docx");
        try (XWPFDocument document = new XWPFDocument(); OutputStream out = Files.newOutputStream(file)) {
            XWPFParagraph paragraph = document.createParagraph();
            paragraph.createRun().setText(text);
            byte[] metafile = new byte[4 * 1024 * 1024];
            paragraph.createRun().addPicture(new ByteArrayInputStream(metafile), PictureType.EMF, "image1.emf", Units.toEMU(100), Units.toEMU(100));
            document.write(out);
        }

        DocumentText read = DocumentReaders.read(file, ReadOptions.none(), ReadProgress.none());

        assertThat(text).hasSize(46);
        assertThat(read.blocks()).extracting(TextBlock::text).containsExactly(text);
    }

    @Test
    void a_zip_bomb_in_the_document_text_is_still_refused() throws Exception {
        assertThatThrownBy(() -> DocumentReaders.read(TestDocx.zipBomb(dir), ReadOptions.none(), ReadProgress.none()))
                .isInstanceOfSatisfying(DocumentException.class, e -> assertThat(e.kind()).isEqualTo(DocumentException.Kind.DAMAGED))
                .hasMessage("bombe.docx cannot be read safely: it would unpack to far more data than a document holds");
    }

    @Test
    void imported_html_is_read_in_its_place() throws Exception {
        Path file = dir.resolve("import.docx");
        try (XWPFDocument document = new XWPFDocument(); OutputStream out = Files.newOutputStream(file)) {
            document.createParagraph().createRun().setText("Vorher.");
            XWPFParagraph after = document.createParagraph();
            after.createRun().setText("Nachher.");
            altChunkBefore(document, after, "/word/afchunk.htm", "text/html",
                    "<html><head><style>p{}</style></head><body><p>Erster &amp; zweiter Absatz der Anlage.</p><p>Zahlung bis 3.&nbsp;März.</p></body></html>");
            document.write(out);
        }

        DocumentText read = DocumentReaders.read(file, ReadOptions.none(), ReadProgress.none());

        assertThat(read.blocks()).extracting(TextBlock::text, TextBlock::locator).containsExactly(
                tuple("Vorher.", Locator.paragraph(1)),
                tuple("Erster & zweiter Absatz der Anlage.", Locator.paragraph(2)),
                tuple("Zahlung bis 3. März.", Locator.paragraph(3)),
                tuple("Nachher.", Locator.paragraph(4)));
    }

    /** What Word writes for an imported chunk: a part of its own and a w:altChunk element pointing at it. */
    private static void altChunkBefore(XWPFDocument document, XWPFParagraph before, String partName, String contentType, String html)
            throws Exception {
        PackagePartName name = PackagingURIHelper.createPartName(partName);
        PackagePart part = document.getPackage().createPart(name, contentType);
        try (OutputStream out = part.getOutputStream()) {
            out.write(html.getBytes(StandardCharsets.UTF_8));
        }
        PackageRelationship relationship = document.getPackagePart().addRelationship(name, TargetMode.INTERNAL, AF_CHUNK);
        try (XmlCursor cursor = before.getCTP().newCursor()) {
            cursor.beginElement(new QName(W, "altChunk", "w"));
            cursor.insertAttributeWithValue(new QName(R, "id", "r"), relationship.getId());
        }
    }
}
