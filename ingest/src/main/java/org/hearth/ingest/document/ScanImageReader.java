package org.hearth.ingest.document;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Iterator;
import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import org.hearth.domain.Locator;

/** PNG, JPEG and TIFF (every page of a multi-page TIFF) through OCR, one page per image. */
final class ScanImageReader {

    /** Scanners write 200–300 dpi; image files rarely say which, and Tesseract copes with either. */
    static final int ASSUMED_DPI = 300;

    private ScanImageReader() {
    }

    static int read(Path file, DocumentSink sink) throws IOException, DocumentException {
        try (ImageInputStream in = ImageIO.createImageInputStream(file.toFile())) {
            Iterator<ImageReader> readers = in == null ? null : ImageIO.getImageReaders(in);
            if (readers == null || !readers.hasNext()) {
                throw DocumentException.damaged(file);
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(in, false, true);
                int pages = reader.getNumImages(true);
                PageOcr ocr = PageOcr.get();
                for (int index = 0; index < pages; index++) {
                    BufferedImage image = reader.read(index, withinPixelCap(reader, index));
                    String text = ocr.read(image, ASSUMED_DPI / subsampling(reader, index));
                    // progress first: a page that reaches the text limit ends reading, and the limit's note names the page count
                    sink.pages(index + 1, pages);
                    sink.block(new TextBlock(text.strip(), Locator.page(index + 1), BlockKind.BODY, true));
                }
                sink.metadata("pages", Integer.toString(pages));
                return pages;
            } finally {
                reader.dispose();
            }
        }
    }

    /** A huge image (or one that claims to be) is read at a coarser step, never whole into memory. */
    private static ImageReadParam withinPixelCap(ImageReader reader, int index) throws IOException {
        ImageReadParam param = reader.getDefaultReadParam();
        int step = subsampling(reader, index);
        param.setSourceSubsampling(step, step, 0, 0);
        return param;
    }

    private static int subsampling(ImageReader reader, int index) throws IOException {
        double pixels = (double) reader.getWidth(index) * reader.getHeight(index);
        return Math.max(1, (int) Math.ceil(Math.sqrt(pixels / PdfPageOcr.MAX_PIXELS)));
    }
}
