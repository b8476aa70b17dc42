package org.hearth.ingest.document;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.hearth.ingest.mail.HtmlText;
import org.apache.poi.openxml4j.exceptions.InvalidFormatException;
import org.apache.poi.openxml4j.opc.PackagePart;
import org.apache.poi.openxml4j.opc.PackageRelationship;
import org.apache.poi.openxml4j.opc.TargetMode;
import org.apache.poi.xwpf.usermodel.XWPFDocument;

/**
 * The text of an imported chunk (w:altChunk): content that Word keeps in a part of its own, as
 * HTML, XHTML or plain text, and merges into the document only when displaying it. Mail merges and
 * document generators write them, so their text is often the whole letter.
 */
final class DocxAltChunk {

    private static final Pattern DECLARED_CHARSET = Pattern.compile("(?i)charset\\s*=\\s*[\"']?([\\w.:-]+)");
    private static final Pattern BLANK_LINES = Pattern.compile("\\n\\s*\\n");
    /** A charset is declared in the head; this much of the start is enough to find it. */
    private static final int HEAD_BYTES = 2048;

    private DocxAltChunk() {
    }

    /** The chunk's paragraphs; none when the relationship is missing, points outside, or is of a kind not read (e.g. RTF). */
    static List<String> paragraphs(XWPFDocument document, String relationshipId) throws IOException {
        PackagePart main = document.getPackagePart();
        PackageRelationship relationship = relationshipId == null ? null : main.getRelationship(relationshipId);
        if (relationship == null || relationship.getTargetMode() == TargetMode.EXTERNAL) {
            return List.of();
        }
        PackagePart chunk;
        try {
            chunk = main.getRelatedPart(relationship);
        } catch (InvalidFormatException | IllegalArgumentException brokenTarget) {
            return List.of();
        }
        if (chunk == null) {
            return List.of();
        }
        String type = chunk.getContentType().toLowerCase(Locale.ROOT);
        boolean html = type.equals("text/html") || type.equals("application/xhtml+xml");
        if (!html && !type.equals("text/plain")) {
            return List.of();
        }
        byte[] bytes;
        try (InputStream in = chunk.getInputStream()) {
            bytes = in.readAllBytes();
        }
        String text = new String(bytes, charset(bytes));
        String plain = html ? HtmlText.of(text) : text.replace("\r\n", "\n");
        return BLANK_LINES.splitAsStream(plain).map(String::strip).filter(paragraph -> !paragraph.isEmpty()).toList();
    }

    private static Charset charset(byte[] bytes) {
        String head = new String(bytes, 0, Math.min(bytes.length, HEAD_BYTES), StandardCharsets.ISO_8859_1);
        Matcher declared = DECLARED_CHARSET.matcher(head);
        if (declared.find() && Charset.isSupported(declared.group(1))) {
            return Charset.forName(declared.group(1));
        }
        return StandardCharsets.UTF_8;
    }
}
