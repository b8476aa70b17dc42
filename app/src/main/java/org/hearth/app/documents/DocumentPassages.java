package org.hearth.app.documents;

import java.util.ArrayList;
import java.util.List;
import org.hearth.assistant.task.summary.Passage;
import org.hearth.domain.Locator;
import org.hearth.ingest.document.DocumentText;
import org.hearth.ingest.document.TextBlock;

/**
 * Turns a read document into the summarizer's passages: one per PDF page (the unit a lawyer
 * checks), one per DOCX or text paragraph. Provenance is carried over unchanged: both speak of the same {@link Locator}.
 */
public final class DocumentPassages {

    private DocumentPassages() {
    }

    public static List<Passage> of(DocumentText document) {
        List<Passage> passages = new ArrayList<>();
        StringBuilder pageText = new StringBuilder();
        Locator pageLocator = null;
        for (TextBlock block : document.blocks()) {
            if (block.text().isBlank()) {
                continue;
            }
            if (block.locator().unit() == Locator.Unit.PARAGRAPH) {
                passages.add(new Passage(block.text(), block.locator()));
                continue;
            }
            if (pageLocator != null && !pageLocator.equals(block.locator())) {
                passages.add(new Passage(pageText.toString(), pageLocator));
                pageText.setLength(0);
            }
            pageLocator = block.locator();
            if (!pageText.isEmpty()) {
                pageText.append('\n');
            }
            pageText.append(block.text());
        }
        if (pageLocator != null && !pageText.isEmpty()) {
            passages.add(new Passage(pageText.toString(), pageLocator));
        }
        return passages;
    }
}
