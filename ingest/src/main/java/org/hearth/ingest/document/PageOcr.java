package org.hearth.ingest.document;

import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.tesseract.TessBaseAPI;
import org.bytedeco.tesseract.global.tesseract;

/**
 * Tesseract in the worker process: one engine for German and English text and one for orientation
 * detection, started on the first scanned page and kept for the worker's life. A page is turned
 * upright first when the orientation detection is sure of it.
 */
final class PageOcr {

    /** The folder in the worker's temp folder that outlives each document: language data and natives. */
    static final String KEPT_FOLDER = "hearth-ocr";
    private static final List<String> LANGUAGE_FILES = List.of("deu", "eng", "osd");
    private static final String NATIVES_FOLDER_PROPERTY = "org.bytedeco.javacpp.cachedir";
    /** Below this, Tesseract's orientation guess is noise (a page of few words, a photo). */
    private static final float MIN_ORIENTATION_CONFIDENCE = 2.0f;

    private static PageOcr instance;

    private final TessBaseAPI text = new TessBaseAPI();
    private final TessBaseAPI orientation = new TessBaseAPI();

    private PageOcr(Path tessdata) {
        if (text.Init(tessdata.toString(), "deu+eng") != 0 || orientation.Init(tessdata.toString(), "osd") != 0) {
            throw new IllegalStateException("Tesseract could not load its language data from " + tessdata);
        }
        text.SetPageSegMode(tesseract.PSM_AUTO);
        orientation.SetPageSegMode(tesseract.PSM_OSD_ONLY);
    }

    /**
     * The worker's engine; the first call unpacks the language data and (through JavaCPP) the natives
     * into the temp folder, not into the user's home.
     */
    static synchronized PageOcr get() throws IOException {
        if (instance == null) {
            Path kept = Files.createDirectories(keptFolder());
            if (System.getProperty(NATIVES_FOLDER_PROPERTY) == null) {
                System.setProperty(NATIVES_FOLDER_PROPERTY, kept.resolve("natives").toString());
            }
            instance = new PageOcr(unpackLanguageData(Files.createDirectories(kept.resolve("tessdata"))));
        }
        return instance;
    }

    static Path keptFolder() {
        return Path.of(System.getProperty("java.io.tmpdir"), KEPT_FOLDER);
    }

    /** The text of one page image rendered or scanned at {@code dpi}. */
    String read(BufferedImage image, int dpi) {
        BufferedImage gray = upright(toGray(image), dpi);
        setImage(text, gray, dpi);
        BytePointer utf8 = text.GetUTF8Text();
        try {
            return utf8 == null ? "" : utf8.getString(java.nio.charset.StandardCharsets.UTF_8);
        } finally {
            if (utf8 != null) {
                utf8.deallocate();
            }
            text.Clear();
        }
    }

    private BufferedImage upright(BufferedImage gray, int dpi) {
        setImage(orientation, gray, dpi);
        int[] degrees = new int[1];
        float[] confidence = new float[1];
        boolean found = orientation.DetectOrientationScript(degrees, confidence, (byte[]) null, null);
        orientation.Clear();
        if (!found || confidence[0] < MIN_ORIENTATION_CONFIDENCE || degrees[0] == 0) {
            return gray;
        }
        return rotateCounterClockwise(gray, degrees[0]);
    }

    /** Tesseract reports how far the page is turned clockwise; this turns it back. */
    static BufferedImage rotateCounterClockwise(BufferedImage image, int degrees) {
        boolean quarter = degrees == 90 || degrees == 270;
        int width = quarter ? image.getHeight() : image.getWidth();
        int height = quarter ? image.getWidth() : image.getHeight();
        BufferedImage turned = new BufferedImage(width, height, BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = turned.createGraphics();
        g.translate(width / 2.0, height / 2.0);
        g.rotate(Math.toRadians(-degrees));
        g.translate(-image.getWidth() / 2.0, -image.getHeight() / 2.0);
        g.drawImage(image, 0, 0, null);
        g.dispose();
        return turned;
    }

    private static void setImage(TessBaseAPI api, BufferedImage gray, int dpi) {
        byte[] pixels = ((DataBufferByte) gray.getRaster().getDataBuffer()).getData();
        api.SetImage(pixels, gray.getWidth(), gray.getHeight(), 1, gray.getWidth());
        api.SetSourceResolution(dpi);
    }

    private static BufferedImage toGray(BufferedImage image) {
        if (image.getType() == BufferedImage.TYPE_BYTE_GRAY && image.getRaster().getDataBuffer() instanceof DataBufferByte
                && image.getRaster().getSampleModelTranslateX() == 0 && image.getRaster().getSampleModelTranslateY() == 0) {
            return image;
        }
        BufferedImage gray = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = gray.createGraphics();
        g.setColor(java.awt.Color.WHITE);
        g.fillRect(0, 0, image.getWidth(), image.getHeight());
        g.drawImage(image, 0, 0, null);
        g.dispose();
        return gray;
    }

    private static Path unpackLanguageData(Path folder) throws IOException {
        for (String language : LANGUAGE_FILES) {
            String resource = "tessdata/" + language + ".traineddata";
            try (InputStream in = PageOcr.class.getResourceAsStream(resource)) {
                if (in == null) {
                    throw new IOException("Hearth was built without the OCR language data " + resource);
                }
                // outside a worker (tests reading in-process) the temp folder is shared: write aside, then swap in whole
                Path part = Files.createTempFile(folder, language, ".part");
                Files.copy(in, part, StandardCopyOption.REPLACE_EXISTING);
                Files.move(part, folder.resolve(language + ".traineddata"), StandardCopyOption.REPLACE_EXISTING,
                        StandardCopyOption.ATOMIC_MOVE);
            }
        }
        return folder;
    }
}
