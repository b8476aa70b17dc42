package org.hearth.ingest.document;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.hearth.domain.Locator;
import org.hearth.fixtures.documents.TestDocx;
import org.hearth.fixtures.documents.TestFiles;
import org.hearth.fixtures.documents.TestPdfs;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The worker process: results over the framing, the bounds, and recovery after a bad file. */
class IsolatedDocumentReaderTest {

    @TempDir
    Path dir;

    private IsolatedDocumentReader reader;

    @BeforeEach
    void startReader() {
        reader = new IsolatedDocumentReader(IsolatedDocumentReader.Limits.defaults());
    }

    @AfterEach
    void closeReader() {
        reader.close();
    }

    @Test
    void reads_in_a_worker_that_stays_warm_across_files() throws Exception {
        List<String> progress = new ArrayList<>();
        DocumentText pdf = reader.read(TestPdfs.multiPage(dir), ReadOptions.none(), (done, total) -> progress.add(done + "/" + total), () -> false);
        ProcessHandle worker = reader.workerProcess().orElseThrow();
        DocumentText docx = reader.read(TestDocx.pleading(dir), ReadOptions.none(), ReadProgress.none(), () -> false);

        assertThat(pdf).isEqualTo(DocumentReaders.read(TestPdfs.multiPage(dir), ReadOptions.none(), ReadProgress.none()));
        assertThat(progress).last().isEqualTo("3/3");
        assertThat(docx.blocks()).isEqualTo(DocumentReaders.read(TestDocx.pleading(dir), ReadOptions.none(), ReadProgress.none()).blocks());
        assertThat(reader.workerProcess()).contains(worker);
        assertThat(worker.isAlive()).isTrue();
    }

    @Test
    void the_password_travels_over_stdin_not_the_command_line() throws Exception {
        DocumentText text = reader.read(TestPdfs.encrypted(dir), ReadOptions.withPassword(TestPdfs.ENCRYPTED_PASSWORD), ReadProgress.none(), () -> false);

        assertThat(text.blocks()).isNotEmpty();
        ProcessHandle.Info info = reader.workerProcess().orElseThrow().info();
        assertThat(info.commandLine()).as("Linux shows a child's command line").isPresent();
        assertThat(info.commandLine().orElseThrow()).contains(DocumentWorker.class.getName()).doesNotContain(TestPdfs.ENCRYPTED_PASSWORD);
        assertThat(WorkerProcess.command(512, dir, dir.resolve("worker.args"))).noneMatch(argument -> argument.contains(TestPdfs.ENCRYPTED_PASSWORD));
    }

    @Test
    void expected_refusals_keep_the_worker() throws Exception {
        reader.read(TestPdfs.multiPage(dir), ReadOptions.none(), ReadProgress.none(), () -> false);
        ProcessHandle worker = reader.workerProcess().orElseThrow();

        assertThatThrownBy(() -> reader.read(TestPdfs.encrypted(dir), ReadOptions.none(), ReadProgress.none(), () -> false))
                .isInstanceOfSatisfying(DocumentException.class, e -> assertThat(e.kind()).isEqualTo(DocumentException.Kind.PASSWORD_REQUIRED))
                .hasMessage("vertraulich.pdf is password-protected — enter the password");
        assertThatThrownBy(() -> reader.read(TestPdfs.imageOnly(dir), ReadOptions.none(), ReadProgress.none(), () -> false))
                .isInstanceOfSatisfying(DocumentException.class, e -> assertThat(e.kind()).isEqualTo(DocumentException.Kind.NO_TEXT));
        assertThat(reader.workerProcess()).contains(worker);
    }

    @Test
    void zip_bomb_is_stopped_and_the_next_file_is_read() throws Exception {
        assertThatThrownBy(() -> reader.read(TestDocx.zipBomb(dir), ReadOptions.none(), ReadProgress.none(), () -> false))
                .isInstanceOfSatisfying(DocumentException.class, e -> assertThat(e.kind()).isEqualTo(DocumentException.Kind.DAMAGED))
                .hasMessage("bombe.docx cannot be read safely: it would unpack to far more data than a document holds");

        assertThat(reader.read(TestDocx.pleading(dir), ReadOptions.none(), ReadProgress.none(), () -> false).blocks()).isNotEmpty();
    }

    @Test
    void page_tree_loop_is_stopped_and_the_next_file_is_read() throws Exception {
        assertThatThrownBy(() -> reader.read(TestPdfs.referenceLoop(dir), ReadOptions.none(), ReadProgress.none(), () -> false))
                .isInstanceOfSatisfying(DocumentException.class, e -> assertThat(e.kind()).isEqualTo(DocumentException.Kind.DAMAGED));

        assertThat(reader.read(TestPdfs.multiPage(dir), ReadOptions.none(), ReadProgress.none(), () -> false).pageCount()).isEqualTo(3);
    }

    @Test
    void running_out_of_the_worker_heap_is_out_of_memory_and_the_next_file_is_read() throws Exception {
        try (IsolatedDocumentReader small = new IsolatedDocumentReader(new IsolatedDocumentReader.Limits(200_000_000L, 32, Duration.ofSeconds(60)))) {
            Path hugeText = TestFiles.oversized(dir, "riesig.txt", 100_000_000L);

            assertThatThrownBy(() -> small.read(hugeText, ReadOptions.none(), ReadProgress.none(), () -> false))
                    .isInstanceOfSatisfying(DocumentException.class, e -> assertThat(e.kind()).isEqualTo(DocumentException.Kind.OUT_OF_MEMORY))
                    .hasMessageStartingWith("riesig.txt needs more memory than Hearth allows for one document (32 MB)");

            assertThat(small.read(TestFiles.markdown(dir), ReadOptions.none(), ReadProgress.none(), () -> false).blocks()).isNotEmpty();
        }
    }

    @Test
    void files_over_the_size_limit_are_refused_before_any_parsing() throws Exception {
        try (IsolatedDocumentReader limited = new IsolatedDocumentReader(new IsolatedDocumentReader.Limits(1_000_000L, 512, Duration.ofSeconds(60)))) {
            Path big = TestFiles.oversized(dir, "gross.pdf", 5_000_000L);

            assertThatThrownBy(() -> limited.read(big, ReadOptions.none(), ReadProgress.none(), () -> false))
                    .isInstanceOfSatisfying(DocumentException.class, e -> assertThat(e.kind()).isEqualTo(DocumentException.Kind.TOO_LARGE))
                    .hasMessage("gross.pdf is too large to read (5 MB; the limit is 1 MB)");
            assertThat(limited.workerProcess()).isEmpty();
        }
    }

    @Test
    void cancelling_stops_the_worker_during_a_long_read() throws Exception {
        Path longPdf = TestPdfs.longDocument(dir, 320);
        AtomicBoolean cancelled = new AtomicBoolean();
        AtomicReference<ProcessHandle> worker = new AtomicReference<>();

        assertThatThrownBy(() -> reader.read(longPdf, ReadOptions.none(), (done, total) -> {
            worker.set(reader.workerProcess().orElseThrow());
            cancelled.set(true);
        }, cancelled::get)).isInstanceOf(CancellationException.class);

        assertThat(worker.get().isAlive()).isFalse();
        assertThat(reader.workerProcess()).isEmpty();
        assertThat(reader.read(TestPdfs.multiPage(dir), ReadOptions.none(), ReadProgress.none(), () -> false).pageCount()).isEqualTo(3);
    }

    @Test
    void a_read_over_time_is_stopped_with_timeout() throws Exception {
        try (IsolatedDocumentReader impatient = new IsolatedDocumentReader(new IsolatedDocumentReader.Limits(200_000_000L, 512, Duration.ofMillis(1)))) {
            Path longPdf = TestPdfs.longDocument(dir, 320);

            assertThatThrownBy(() -> impatient.read(longPdf, ReadOptions.none(), ReadProgress.none(), () -> false))
                    .isInstanceOfSatisfying(DocumentException.class, e -> assertThat(e.kind()).isEqualTo(DocumentException.Kind.TIMEOUT))
                    .hasMessageStartingWith("Reading akte-320-seiten.pdf took longer than 1 ms and was stopped");
            assertThat(impatient.workerProcess()).isEmpty();
            assertThat(ProcessHandle.current().children())
                    .noneMatch(child -> child.info().commandLine().orElse("").contains(DocumentWorker.class.getName()));
        }
    }

    @Test
    void long_pdf_reports_every_page() throws Exception {
        List<Integer> pages = new ArrayList<>();
        DocumentText text = reader.read(TestPdfs.longDocument(dir, 320), ReadOptions.none(), (done, total) -> pages.add(done), () -> false);

        assertThat(text.pageCount()).isEqualTo(320);
        assertThat(text.blocks()).hasSize(320);
        assertThat(text.blocks().get(199).text()).isEqualTo(String.join("\n", TestPdfs.longPageLines(200, 320)));
        assertThat(text.blocks().get(199).locator()).isEqualTo(Locator.page(200));
        assertThat(pages).startsWith(1, 2, 3).endsWith(320);
    }

    @Test
    void supported_extensions() {
        assertThat(IsolatedDocumentReader.supportedExtensions()).containsExactly("pdf", "docx", "txt", "md", "eml", "png", "jpg", "jpeg", "tif", "tiff");
    }
}
