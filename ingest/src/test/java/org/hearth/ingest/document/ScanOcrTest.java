package org.hearth.ingest.document;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.hearth.domain.Locator;
import org.hearth.fixtures.documents.ScannedLetters;
import org.hearth.fixtures.documents.ScannedLetters.Quality;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** OCR of scans in the worker process: image-only PDFs, images, turned pages, damage and cancel. */
class ScanOcrTest {

    @AutoClose
    private final IsolatedDocumentReader reader = new IsolatedDocumentReader(IsolatedDocumentReader.Limits.defaults());

    @TempDir
    Path dir;

    @Test
    void an_image_only_pdf_is_read_by_ocr_with_its_page_numbers() throws Exception {
        Path scan = ScannedLetters.pdf(dir.resolve("brief.pdf"), List.of(
                ScannedLetters.page(ScannedLetters.GERMAN, Quality.CLEAN, 0, 1),
                ScannedLetters.page(ScannedLetters.ENGLISH, Quality.CLEAN, 0, 2)));
        List<String> progress = Collections.synchronizedList(new ArrayList<>());

        DocumentText text = reader.read(scan, ReadOptions.none(), (done, total) -> progress.add(done + "/" + total), () -> false);

        assertThat(text.pageCount()).isEqualTo(2);
        assertThat(text.blocks()).extracting(TextBlock::locator).containsExactly(Locator.page(1), Locator.page(2));
        assertThat(text.blocks()).allMatch(TextBlock::ocr);
        assertThat(ScannedLetters.oneLine(text.blocks().get(0).text()))
                .contains("Aktenzeichen: 12 O 3456/26", "12.345,67 €", "Sehr geehrte Frau Müller", "Mit freundlichen Grüßen");
        assertThat(ScannedLetters.oneLine(text.blocks().get(1).text())).contains("Our reference: HL/2026/0457", "EUR 8,450.00");
        assertThat(progress).containsSubsequence("1/2", "2/2");
    }

    @Test
    void a_page_fed_in_sideways_is_turned_upright_before_it_is_read() throws Exception {
        Path scan = ScannedLetters.png(dir.resolve("quer.png"), ScannedLetters.page(ScannedLetters.GERMAN, Quality.CLEAN, 1, 3));

        DocumentText text = reader.read(scan, ReadOptions.none(), ReadProgress.none(), () -> false);

        assertThat(ScannedLetters.oneLine(text.blocks().getFirst().text())).contains("Landgericht München I", "Aktenzeichen: 12 O 3456/26");
    }

    @Test
    void every_page_of_a_rough_multi_page_tiff_is_read() throws Exception {
        Path scan = ScannedLetters.tiff(dir.resolve("stapel.tiff"), List.of(
                ScannedLetters.page(ScannedLetters.ENGLISH, Quality.ROUGH, 0, 4),
                ScannedLetters.page(ScannedLetters.GERMAN, Quality.ROUGH, 0, 5)));

        DocumentText text = reader.read(scan, ReadOptions.none(), ReadProgress.none(), () -> false);

        assertThat(text.type()).isEqualTo(DocumentType.TIFF);
        assertThat(text.blocks()).extracting(TextBlock::locator).containsExactly(Locator.page(1), Locator.page(2));
        assertThat(ScannedLetters.oneLine(text.blocks().get(0).text())).contains("Dear Ms Weber");
        assertThat(ScannedLetters.oneLine(text.blocks().get(1).text())).contains("Sehr geehrte Frau Müller");
    }

    @Test
    void a_damaged_image_is_a_clear_error_and_the_next_file_is_read() throws Exception {
        Path broken = Files.write(dir.resolve("kaputt.png"), new byte[] {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10, 0, 0, 0, 13, 'I', 'H'});
        Path good = ScannedLetters.png(dir.resolve("gut.png"), ScannedLetters.page(ScannedLetters.ENGLISH, Quality.CLEAN, 0, 6));

        assertThatThrownBy(() -> reader.read(broken, ReadOptions.none(), ReadProgress.none(), () -> false))
                .isInstanceOfSatisfying(DocumentException.class, e -> assertThat(e.kind()).isEqualTo(DocumentException.Kind.DAMAGED))
                .hasMessageStartingWith("kaputt.png is damaged");
        assertThat(ScannedLetters.oneLine(reader.read(good, ReadOptions.none(), ReadProgress.none(), () -> false).blocks().getFirst().text()))
                .contains("Dear Ms Weber");
    }

    @Test
    void cancel_stops_a_multi_page_scan_after_the_page_it_is_on() throws Exception {
        BufferedImage page = ScannedLetters.page(ScannedLetters.GERMAN, Quality.CLEAN, 0, 7);
        Path scan = ScannedLetters.pdf(dir.resolve("akte.pdf"), Collections.nCopies(8, page));
        AtomicBoolean cancelled = new AtomicBoolean();
        List<Integer> pagesDone = Collections.synchronizedList(new ArrayList<>());

        assertThatThrownBy(() -> reader.read(scan, ReadOptions.none(), (done, total) -> {
            pagesDone.add(done);
            cancelled.set(true);
        }, cancelled::get)).isInstanceOf(CancellationException.class);

        assertThat(pagesDone).containsExactly(1);
        assertThat(reader.workerProcess()).isEmpty();
    }

    @Test
    void a_pdf_page_with_a_text_layer_is_not_read_by_ocr() throws Exception {
        DocumentText text = reader.read(org.hearth.fixtures.documents.TestPdfs.multiPage(dir), ReadOptions.none(), ReadProgress.none(), () -> false);

        assertThat(text.blocks()).noneMatch(TextBlock::ocr);
    }
}
