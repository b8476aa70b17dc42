package org.hearth.ingest.document;

import java.awt.image.BufferedImage;
import java.io.IOException;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;

/**
 * Reads a PDF page that has no text layer, or only a few characters of one (a scanner's stamp, a page
 * number), by rendering it and running OCR on the image.
 */
final class PdfPageOcr {

    /** Fewer characters than this on a page means a scan: even a short cover letter has more. */
    static final int MIN_TEXT_CHARACTERS = 40;
    /** What Tesseract reads best at for letter-sized type. */
    static final int DPI = 300;
    /** An A4 page at 300 dpi is 8.7 million pixels; a poster-sized page is rendered coarser, not larger. */
    static final double MAX_PIXELS = 12_000_000;
    private static final double POINTS_PER_INCH = 72;

    private final PDFRenderer renderer;

    PdfPageOcr(PDDocument document) {
        this.renderer = new PDFRenderer(document);
    }

    static boolean needsOcr(String pageText) {
        return pageText.codePoints().filter(c -> !Character.isWhitespace(c)).count() < MIN_TEXT_CHARACTERS;
    }

    /** The text of page {@code index} (0-based), recognised in its rendering. */
    String read(int index, PDRectangle mediaBox) throws IOException {
        int dpi = dpiFor(mediaBox);
        BufferedImage image = renderer.renderImageWithDPI(index, dpi, ImageType.GRAY);
        return PageOcr.get().read(image, dpi);
    }

    static int dpiFor(PDRectangle box) {
        double squareInches = (box.getWidth() / POINTS_PER_INCH) * (box.getHeight() / POINTS_PER_INCH);
        int capped = (int) Math.floor(Math.sqrt(MAX_PIXELS / Math.max(squareInches, 1e-6)));
        return Math.max(1, Math.min(DPI, capped));
    }
}
