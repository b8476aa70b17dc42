package org.hearth.app.export;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFStyle;
import org.apache.poi.xwpf.usermodel.XWPFStyles;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTRPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTStyle;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STStyleType;

/**
 * Writes a summary as DOCX (a title heading, then the summary's paragraphs) or Markdown. Page
 * references stay as the model wrote them ("(S. 4)", "[p. 12]"), as text. The file is written
 * next to the target and moved into place in one step, so an existing file is never left half-written.
 * The CLI calls it directly; the window through {@link SummaryExportService}.
 */
public final class SummaryExporter {

    public enum Format {
        DOCX, MARKDOWN;

        /** DOCX for a {@code .docx} file, Markdown for anything else. */
        public static Format of(Path file) {
            return file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".docx") ? DOCX : MARKDOWN;
        }
    }

    private static final Pattern PARAGRAPH_BREAK = Pattern.compile("\\R\\s*\\R");
    private static final Pattern LINE_BREAK = Pattern.compile("\\R");

    /** Writes the file; a failure is thrown with a message worded for the user that names the file. */
    public void export(String title, String text, Format format, Path target) throws IOException {
        Path folder = target.toAbsolutePath().getParent();
        Path temporary;
        try {
            temporary = Files.createTempFile(folder, "." + target.getFileName() + "-", ".tmp");
        } catch (IOException e) {
            throw worded(e, target);
        }
        try {
            try (OutputStream out = Files.newOutputStream(temporary)) {
                switch (format) {
                    case DOCX -> writeDocx(title, paragraphs(text), out);
                    case MARKDOWN -> out.write(markdown(title, paragraphs(text)).getBytes(StandardCharsets.UTF_8));
                }
            }
            moveIntoPlace(temporary, target);
        } catch (IOException e) {
            Files.deleteIfExists(temporary);
            throw worded(e, target);
        }
    }

    static List<String> paragraphs(String text) {
        return PARAGRAPH_BREAK.splitAsStream(text.strip()).map(String::strip).filter(p -> !p.isEmpty()).toList();
    }

    static String markdown(String title, List<String> paragraphs) {
        StringBuilder markdown = new StringBuilder("# ").append(LINE_BREAK.matcher(title.strip()).replaceAll(" ")).append("\n");
        for (String paragraph : paragraphs) {
            markdown.append('\n').append(paragraph).append('\n');
        }
        return markdown.toString();
    }

    private static void writeDocx(String title, List<String> paragraphs, OutputStream out) throws IOException {
        try (XWPFDocument document = new XWPFDocument()) {
            document.getProperties().getCoreProperties().setTitle(title);
            addTitleStyle(document);
            XWPFParagraph heading = document.createParagraph();
            heading.setStyle("Heading1");
            heading.createRun().setText(title.strip());
            for (String paragraph : paragraphs) {
                writeParagraph(document.createParagraph(), paragraph);
            }
            document.write(out);
        }
    }

    /** Single line breaks inside a paragraph (e.g. bullet lines) stay line breaks in Word. */
    private static void writeParagraph(XWPFParagraph paragraph, String text) {
        var run = paragraph.createRun();
        String[] lines = LINE_BREAK.split(text);
        for (int i = 0; i < lines.length; i++) {
            if (i > 0) {
                run.addBreak();
            }
            run.setText(lines[i]);
        }
    }

    /** A new document has no styles; "heading 1" is the name Word (in any language) shows as a heading. */
    private static void addTitleStyle(XWPFDocument document) {
        XWPFStyles styles = document.createStyles();
        CTStyle style = CTStyle.Factory.newInstance();
        style.setStyleId("Heading1");
        style.setType(STStyleType.PARAGRAPH);
        style.addNewName().setVal("heading 1");
        style.addNewPPr().addNewOutlineLvl().setVal(BigInteger.ZERO);
        CTRPr font = style.addNewRPr();
        font.addNewB();
        font.addNewSz().setVal(BigInteger.valueOf(32));
        styles.addStyle(new XWPFStyle(style, styles));
    }

    private static void moveIntoPlace(Path temporary, Path target) throws IOException {
        try {
            Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** A failure's message is worded for the user and names the file (the window shows it as it is). */
    private static IOException worded(IOException e, Path target) {
        String name = target.getFileName().toString();
        Path folder = target.toAbsolutePath().getParent();
        String message = switch (e) {
            case AccessDeniedException denied -> "Hearth may not write to " + folder + " — choose another folder for " + name;
            case NoSuchFileException missing -> "The folder " + folder + " does not exist — choose another folder for " + name;
            case FileSystemException other when other.getReason() != null && other.getReason().contains("space") ->
                    "There is not enough space to save " + name + " — free some space or choose another drive";
            default -> "Could not save " + name + " in " + folder + " — choose another folder or try again";
        };
        return new IOException(message, e);
    }
}
