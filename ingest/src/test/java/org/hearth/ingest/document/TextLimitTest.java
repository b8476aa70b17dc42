package org.hearth.ingest.document;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.hearth.domain.Locator;
import org.hearth.fixtures.documents.TestPdfs;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The most text one document brings into the app: applied in the worker, enforced again in the app, and said. */
class TextLimitTest {

    /** 40 pages of 200 lines of about 100 characters: some 800,000 characters from a file of a few kilobytes. */
    private static final int PAGES = 40;
    private static final int LINES_PER_PAGE = 200;
    private static final int LIMIT = 100_000;

    @TempDir
    Path dir;

    @Test
    void the_worker_stops_at_the_limit_and_the_result_says_up_to_which_page_it_read() throws Exception {
        Path hostile = TestPdfs.repeatedContent(dir, "wiederholt.pdf", PAGES, LINES_PER_PAGE);
        DocumentText whole;
        try (IsolatedDocumentReader unlimited = new IsolatedDocumentReader(IsolatedDocumentReader.Limits.defaults())) {
            whole = unlimited.read(hostile, ReadOptions.none(), ReadProgress.none(), () -> false);
        }
        DocumentText text;
        try (IsolatedDocumentReader reader = new IsolatedDocumentReader(IsolatedDocumentReader.Limits.defaults().withMaxCharacters(LIMIT))) {
            text = reader.read(hostile, ReadOptions.none(), ReadProgress.none(), () -> false);
        }

        int pageLength = whole.blocks().getFirst().text().length();
        assertThat(characters(whole)).as("the fixture holds far more than the limit").isGreaterThan(PAGES * LINES_PER_PAGE * 90L);
        assertThat(whole.limitReached()).isEmpty();
        int lastPage = LIMIT / pageLength + 1;
        assertThat(characters(text)).isEqualTo(LIMIT);
        assertThat(text.blocks()).extracting(block -> block.locator().from()).last().isEqualTo(lastPage);
        assertThat(text.blocks().getFirst()).isEqualTo(whole.blocks().getFirst());
        assertThat(text.pageCount()).isEqualTo(PAGES);
        assertThat(text.limitReached()).contains(new TextLimitReached(Locator.Unit.PAGE, lastPage, PAGES, LIMIT));
        assertThat(text.warning()).contains("Only the text up to page " + lastPage + " of " + PAGES
                + " was read: the rest was left out because Hearth takes at most 100,000 characters from one document");
    }

    @Test
    void a_document_exactly_at_the_limit_is_read_whole() throws Exception {
        Path hostile = TestPdfs.repeatedContent(dir, "wiederholt.pdf", 3, 10);
        DocumentText whole = DocumentReaders.read(hostile, ReadOptions.none(), ReadProgress.none());

        DocumentText atLimit = DocumentReaders.read(hostile, ReadOptions.none(), ReadProgress.none(), (int) characters(whole));
        DocumentText oneLess = DocumentReaders.read(hostile, ReadOptions.none(), ReadProgress.none(), (int) characters(whole) - 1);

        assertThat(atLimit).isEqualTo(whole);
        assertThat(oneLess.limitReached()).map(TextLimitReached::lastRead).contains(3);
        assertThat(characters(oneLess)).isEqualTo(characters(whole) - 1);
    }

    @Test
    void paragraphs_of_a_text_file_are_counted_by_paragraph() throws Exception {
        Path file = Files.writeString(dir.resolve("lang.txt"), "Erster Absatz.\n\nZweiter Absatz.\n\nDritter Absatz.\n");

        DocumentText text = DocumentReaders.read(file, ReadOptions.none(), ReadProgress.none(), "Erster Absatz.".length() + 3);

        assertThat(text.blocks()).extracting(TextBlock::text).containsExactly("Erster Absatz.", "Zwe");
        assertThat(text.limitReached()).contains(new TextLimitReached(Locator.Unit.PARAGRAPH, 2, 0, 17));
        assertThat(text.warning()).contains("Only the text up to paragraph 2 was read: the rest was left out because Hearth takes at most 17 characters from one document");
    }

    @Test
    void the_app_drops_text_a_worker_sends_past_the_limit_without_holding_it() throws Exception {
        String page = "Seite ".repeat(1000);
        ByteArrayOutputStream sent = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(sent)) {
            for (int number = 1; number <= 5; number++) {
                WorkerProtocol.writeBlock(out, new TextBlock(page, Locator.page(number), BlockKind.BODY));
            }
            WorkerProtocol.writeDone(out, 5);
        }
        TextBudget budget = new TextBudget(page.length() + 10);
        DataInputStream in = new DataInputStream(new ByteArrayInputStream(sent.toByteArray()));

        List<WorkerFrame> frames = new ArrayList<>();
        List<Boolean> passed = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            frames.add(WorkerProtocol.readFrame(in, () -> budget));
            passed.add(budget.passed());
        }

        assertThat(frames.subList(0, 5)).extracting(frame -> ((WorkerFrame.Block) frame).block().text())
                .containsExactly(page, "Seite Seit", "", "", "");
        assertThat(frames.getLast()).isEqualTo(new WorkerFrame.Done(5));
        assertThat(passed).containsExactly(false, true, true, true, true, true);
        assertThat(budget.remaining()).isZero();
    }

    @Test
    void metadata_values_are_cut_to_a_line_length() {
        List<String> values = new ArrayList<>();
        DocumentSink target = new DocumentSink() {
            @Override
            public void metadata(String key, String value) {
                values.add(value);
            }

            @Override
            public void block(TextBlock block) {
            }

            @Override
            public void pages(int done, int total) {
            }

            @Override
            public void limitReached(TextLimitReached reached) {
            }
        };

        new CappedSink(target, LIMIT).metadata("title", "T".repeat(50_000));

        assertThat(values).singleElement().asString().hasSize(10_000);
    }

    private static long characters(DocumentText text) {
        return text.blocks().stream().mapToLong(block -> block.text().length()).sum();
    }
}
