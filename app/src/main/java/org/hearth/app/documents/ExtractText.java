package org.hearth.app.documents;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.function.BooleanSupplier;
import org.hearth.domain.Locator;
import org.hearth.ingest.document.DocumentException;
import org.hearth.ingest.document.DocumentText;
import org.hearth.ingest.document.IsolatedDocumentReader;
import org.hearth.ingest.document.ReadOptions;
import org.hearth.ingest.document.ReadProgress;
import org.hearth.ingest.document.TextBlock;

/**
 * The text of a file page by page, OCR where the page is a scan: what `hearth text` prints, read in
 * the isolated reader like every other job's documents.
 */
public final class ExtractText {

    /**
     * @param page the page number; empty for formats without pages (DOCX, TXT, Markdown, e-mail), whose
     *             whole text is one entry
     * @param ocr  the text was recognised in an image of the page
     */
    public record Page(OptionalInt page, String text, boolean ocr) {
    }

    private final IsolatedDocumentReader reader;

    public ExtractText(IsolatedDocumentReader reader) {
        this.reader = reader;
    }

    public List<Page> run(Path file, ReadProgress progress, BooleanSupplier cancelled) throws DocumentException {
        return pages(reader.read(file, ReadOptions.none(), progress, cancelled));
    }

    static List<Page> pages(DocumentText document) {
        Map<Integer, List<TextBlock>> byPage = new LinkedHashMap<>();
        for (TextBlock block : document.blocks()) {
            Locator locator = block.locator();
            int key = locator.unit() == Locator.Unit.PAGE ? locator.from() : 0;
            byPage.computeIfAbsent(key, ignored -> new ArrayList<>()).add(block);
        }
        List<Page> pages = new ArrayList<>();
        byPage.forEach((number, blocks) -> pages.add(new Page(number == 0 ? OptionalInt.empty() : OptionalInt.of(number),
                String.join("\n\n", blocks.stream().map(TextBlock::text).toList()),
                blocks.stream().anyMatch(TextBlock::ocr))));
        return pages;
    }
}
