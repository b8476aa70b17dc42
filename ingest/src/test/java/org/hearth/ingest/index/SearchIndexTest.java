package org.hearth.ingest.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.hearth.fixtures.documents.TestDocx;
import org.hearth.fixtures.documents.ScannedLetters;
import org.hearth.fixtures.documents.TestPdfs;
import org.hearth.ingest.document.IsolatedDocumentReader;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Indexing follows the folders: new, changed, deleted, renamed and broken files; collections; restarts. */
class SearchIndexTest {

    @TempDir
    Path dir;

    private Path folder;
    private SearchIndex index;
    private final CountingSource source = new CountingSource();

    @BeforeEach
    void openIndex() throws IOException {
        folder = Files.createDirectories(dir.resolve("Mandat Müller"));
        index = SearchIndex.open(dir.resolve("index"), Optional.empty());
        index.addFolder("Müller", folder);
    }

    @AfterEach
    void closeIndex() throws IOException {
        index.close();
    }

    @Test
    void new_files_are_indexed_with_page_or_paragraphs_to_open_them_at() throws IOException {
        TestPdfs.multiPage(folder);
        TestDocx.pleading(folder);

        IndexResult result = index();

        assertThat(result.indexed()).isEqualTo(2);
        assertThat(result.errors()).isEmpty();
        Hit lease = only("tenant rent working day");
        assertThat(lease.fileName()).isEqualTo("mietvertrag.pdf");
        assertThat(lease.file()).isEqualTo(folder.resolve("mietvertrag.pdf"));
        assertThat(lease.page()).hasValue(2);
        assertThat(lease.paragraphs()).isEmpty();
        assertThat(lease.chunk().ocr()).as("text the PDF holds as text").isFalse();
        Hit claim = only("Zinsen Januar");
        assertThat(claim.fileName()).isEqualTo("klageschrift.docx");
        assertThat(claim.page()).isEmpty();
        ParagraphRange range = claim.paragraphs().orElseThrow();
        // TestDocx: the "a)" item with the interest is paragraph 5
        assertThat(range.first()).isLessThanOrEqualTo(5);
        assertThat(range.last()).isGreaterThanOrEqualTo(5);
        assertThat(claim.text()).contains(TestDocx.ITEM_1_A);
        assertThat(claim.chunk().end() - claim.chunk().start()).isEqualTo(claim.text().length());
    }

    @Test
    void a_second_run_reads_nothing_when_nothing_changed() throws IOException {
        write("a.txt", "Die Räumungsklage wurde eingereicht.");
        write("b.md", "# Vermerk\n\nTermin zur mündlichen Verhandlung am 3. März.");
        index();
        source.reset();

        IndexResult again = index();

        assertThat(again.unchanged()).isEqualTo(2);
        assertThat(again.indexed() + again.removed() + again.renamed()).isZero();
        assertThat(source.read()).isEmpty();
    }

    @Test
    void a_changed_file_is_indexed_again_and_its_old_text_is_gone() throws IOException {
        Path file = write("a.txt", "Die Räumungsklage wurde eingereicht.");
        index();

        Files.writeString(file, "Die Zahlungsklage wegen Mietrückstands wurde zugestellt.");
        IndexResult result = index();

        assertThat(result.indexed()).isEqualTo(1);
        assertThat(found("Räumungsklage")).isEmpty();
        assertThat(found("Zahlungsklage")).containsExactly("a.txt");
        assertThat(index.chunks("Müller", file)).singleElement().satisfies(chunk -> assertThat(chunk.text()).contains("Zahlungsklage"));
    }

    @Test
    void a_change_that_keeps_size_and_modification_time_is_still_found_by_the_hash() throws IOException {
        Path file = write("a.txt", "Frist bis Montag.");
        index();
        assertThat("Frist bis Freitag").hasSameSizeAs("Frist bis Montag.");
        FileTime before = Files.getLastModifiedTime(file);

        // a coarse file system clock: same size, same time stamp, different content
        Files.writeString(file, "Frist bis Freitag");
        Files.setLastModifiedTime(file, before);
        IndexResult result = index();

        assertThat(result.indexed()).isEqualTo(1);
        assertThat(found("Montag")).isEmpty();
    }

    @Test
    void a_deleted_file_is_removed() throws IOException {
        Path file = write("a.txt", "Die Räumungsklage wurde eingereicht.");
        write("b.txt", "Der Vergleich wurde geschlossen.");
        index();

        Files.delete(file);
        IndexResult result = index();

        assertThat(result.removed()).isEqualTo(1);
        assertThat(result.unchanged()).isEqualTo(1);
        assertThat(found("Räumungsklage")).isEmpty();
        assertThat(index.chunks("Müller", file)).isEmpty();
    }

    @Test
    void a_renamed_file_keeps_its_chunks_and_is_not_read_again() throws IOException {
        Path file = write("entwurf.txt", "Die Räumungsklage wurde eingereicht.");
        index();
        List<String> idsBefore = index.chunks("Müller", file).stream().map(StoredChunk::chunkId).toList();
        source.reset();

        Path moved = Files.createDirectories(folder.resolve("2026")).resolve("klage.txt");
        Files.move(file, moved);
        IndexResult result = index();

        assertThat(result.renamed()).isEqualTo(1);
        assertThat(result.indexed() + result.removed()).isZero();
        assertThat(source.read()).isEmpty();
        assertThat(index.chunks("Müller", file)).isEmpty();
        assertThat(index.chunks("Müller", moved)).extracting(StoredChunk::chunkId).isEqualTo(idsBefore);
        Hit hit = only("Räumungsklage");
        assertThat(hit.file()).isEqualTo(moved);
        assertThat(hit.fileName()).isEqualTo("klage.txt");
    }

    @Test
    void a_copy_of_an_indexed_file_is_not_read_and_is_shown_once() throws IOException {
        Path original = write("klage.txt", "Die Räumungsklage wurde eingereicht.");
        index();
        source.reset();

        Path copy = Files.copy(original, folder.resolve("klage (Kopie).txt"));
        IndexResult result = index();

        assertThat(result.indexed()).isEqualTo(1);
        assertThat(source.read()).isEmpty();
        assertThat(index.chunks("Müller", copy)).extracting(StoredChunk::text).containsExactly("Die Räumungsklage wurde eingereicht.");
        assertThat(index.search("Räumungsklage", SearchRequest.bm25(10)).hits()).hasSize(1);
    }

    @Test
    void a_corrupt_pdf_is_an_error_and_the_other_files_are_indexed() throws IOException {
        Path corrupt = TestPdfs.corrupt(folder);
        write("a.txt", "Die Räumungsklage wurde eingereicht.");

        IndexResult result = index();

        assertThat(result.indexed()).isEqualTo(1);
        assertThat(result.errors()).singleElement().satisfies(error -> {
            assertThat(error.file()).isEqualTo(corrupt);
            assertThat(error.message()).startsWith("beschaedigt.pdf is damaged");
        });
        assertThat(found("Räumungsklage")).containsExactly("a.txt");
    }

    @Test
    void an_unchanged_broken_file_is_not_read_again_but_still_reported() throws IOException {
        Path corrupt = TestPdfs.corrupt(folder);
        index();
        source.reset();

        IndexResult again = index();

        assertThat(source.read()).isEmpty();
        assertThat(again.errors()).extracting(FileError::file).containsExactly(corrupt);
    }

    @Test
    void files_read_through_the_isolated_reader_keep_its_errors() throws IOException {
        Path corrupt = TestPdfs.corrupt(folder);
        TestPdfs.multiPage(folder);

        IndexResult result;
        try (IsolatedDocumentReader reader = new IsolatedDocumentReader(IsolatedDocumentReader.Limits.defaults())) {
            result = index.index(null, DocumentSource.isolated(reader), IndexListener.none(), () -> false);
        }

        assertThat(result.indexed()).isEqualTo(1);
        assertThat(result.errors()).singleElement().satisfies(error -> {
            assertThat(error.file()).isEqualTo(corrupt);
            assertThat(error.message()).startsWith("beschaedigt.pdf is damaged");
        });
        assertThat(only("Kündigungsfrist Quartalsende").page()).hasValue(3);
    }

    @Test
    void a_folder_of_scans_is_searchable_with_the_page_each_passage_is_on() throws IOException {
        ScannedLetters.pdf(folder.resolve("eingang.pdf"), List.of(
                ScannedLetters.page(ScannedLetters.ENGLISH, ScannedLetters.Quality.CLEAN, 0, 1),
                ScannedLetters.page(ScannedLetters.GERMAN, ScannedLetters.Quality.CLEAN, 0, 2)));
        ScannedLetters.png(folder.resolve("fax.png"), ScannedLetters.page(ScannedLetters.ENGLISH, ScannedLetters.Quality.ROUGH, 0, 3));

        IndexResult result;
        try (IsolatedDocumentReader reader = new IsolatedDocumentReader(IsolatedDocumentReader.Limits.defaults())) {
            result = index.index(null, DocumentSource.isolated(reader), IndexListener.none(), () -> false);
        }

        assertThat(result.indexed()).isEqualTo(2);
        assertThat(result.errors()).isEmpty();
        Hit court = only("Klageerwiderung Streitwert");
        assertThat(court.fileName()).isEqualTo("eingang.pdf");
        assertThat(court.page()).hasValue(2);
        assertThat(court.chunk().ocr()).isTrue();
        assertThat(found("Northwind invoice")).contains("eingang.pdf", "fax.png");
    }

    @Test
    void hidden_lock_and_unsupported_files_are_left_alone() throws IOException {
        write("~$klage.docx", "owner file");
        write(".notiz.txt", "versteckt");
        write("tabelle.xlsx", "no reader");
        Files.createDirectories(folder.resolve(".git"));
        write(".git/HEAD.txt", "ref");
        write("a.txt", "Die Räumungsklage wurde eingereicht.");

        IndexResult result = index();

        assertThat(result.indexed()).isEqualTo(1);
        assertThat(result.errors()).isEmpty();
    }

    @Test
    void a_folder_that_is_not_available_keeps_its_files_in_the_index() throws IOException {
        Path share = Files.createDirectories(dir.resolve("Netzlaufwerk"));
        Files.writeString(share.resolve("gutachten.txt"), "Das Gutachten des Sachverständigen liegt vor.");
        index.addFolder("Müller", share);
        index();

        Files.move(share, dir.resolve("Netzlaufwerk (getrennt)"));
        IndexResult result = index();

        assertThat(result.removed()).isZero();
        assertThat(result.errors()).singleElement().satisfies(error -> {
            assertThat(error.file()).isEqualTo(share);
            assertThat(error.message()).contains("not available");
        });
        assertThat(found("Gutachten")).containsExactly("gutachten.txt");
    }

    @Test
    void collections_are_searched_apart_and_kept_across_restarts() throws IOException {
        write("a.txt", "Die Räumungsklage wurde eingereicht.");
        Path templates = Files.createDirectories(dir.resolve("Vorlagen"));
        Files.writeString(templates.resolve("muster.txt"), "Muster einer Räumungsklage mit Antrag auf Räumung.");
        index.addFolder("Vorlagen", templates);
        index();

        assertThat(index.search("Räumungsklage", SearchRequest.bm25(10).in("Vorlagen")).hits())
                .extracting(Hit::fileName).containsExactly("muster.txt");
        index.close();
        index = SearchIndex.open(dir.resolve("index"), Optional.empty());

        assertThat(index.collections()).containsExactly("Müller", "Vorlagen");
        assertThat(index.folders("Vorlagen")).containsExactly(templates);
        assertThat(index.search("Räumungsklage", SearchRequest.bm25(10).in("Müller")).hits())
                .extracting(Hit::fileName).containsExactly("a.txt");
        assertThat(index().unchanged()).isEqualTo(2);
    }

    @Test
    void removing_a_folder_removes_its_files_and_the_last_folder_the_collection() throws IOException {
        write("a.txt", "Die Räumungsklage wurde eingereicht.");
        index();

        assertThat(index.removeFolder("Müller", folder)).isTrue();

        assertThat(found("Räumungsklage")).isEmpty();
        assertThat(index.collections()).isEmpty();
        assertThat(index.removeFolder("Müller", folder)).isFalse();
    }

    @Test
    void a_cancelled_run_keeps_what_it_did_and_the_next_run_goes_on_from_there() throws IOException {
        for (int i = 1; i <= 10; i++) {
            write("akte-" + i + ".txt", "Schriftsatz Nummer " + i + " in der Sache Müller.");
        }
        AtomicInteger started = new AtomicInteger();
        IndexListener cancelAfterFour = (done, total, file) -> started.incrementAndGet();

        IndexResult first = index.index(null, source, cancelAfterFour, () -> started.get() >= 4);
        index.close();
        index = SearchIndex.open(dir.resolve("index"), Optional.empty());
        IndexResult second = index();

        assertThat(first.cancelled()).isTrue();
        assertThat(first.indexed()).isEqualTo(4);
        assertThat(second.cancelled()).isFalse();
        assertThat(second.unchanged()).isEqualTo(4);
        assertThat(second.indexed()).isEqualTo(6);
    }

    @Test
    void a_chunk_can_be_fetched_by_its_id_to_check_a_quotation() throws IOException {
        write("a.txt", "Die Räumungsklage wurde am 3. März eingereicht.");
        index();
        Hit hit = only("Räumungsklage");

        assertThat(index.chunk(hit.chunkId())).hasValueSatisfying(chunk -> {
            assertThat(chunk.text()).isEqualTo("Die Räumungsklage wurde am 3. März eingereicht.");
            assertThat(chunk.file()).isEqualTo(hit.file());
        });
        assertThat(index.chunk("0000000000000000-0")).isEmpty();
    }

    @Test
    void a_second_hearth_cannot_open_the_index_while_it_is_in_use() {
        assertThatThrownBy(() -> SearchIndex.open(dir.resolve("index"), Optional.empty()))
                .isInstanceOfSatisfying(SearchIndexException.class, e -> assertThat(e.kind()).isEqualTo(SearchIndexException.Kind.IN_USE));
    }

    @Test
    void an_unknown_collection_is_an_error_not_an_empty_result() {
        assertThatThrownBy(() -> index.search("Räumungsklage", SearchRequest.bm25(10).in("Mueller")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("There is no collection \"Mueller\"");
    }

    @Test
    void an_index_opened_for_search_only_needs_no_write_lock_and_refuses_changes() throws IOException {
        write("a.txt", "Die Räumungsklage wurde eingereicht.");
        index();

        // the writable index above still holds write.lock
        try (SearchIndex readOnly = SearchIndex.openReadOnly(dir.resolve("index"), Optional.empty())) {
            assertThat(readOnly.isWritable()).isFalse();
            assertThat(readOnly.collections()).containsExactly("Müller");
            assertThat(readOnly.search("Räumungsklage", SearchRequest.bm25(10).in("Müller")).hits())
                    .extracting(Hit::fileName).containsExactly("a.txt");
            assertThatThrownBy(() -> readOnly.index(null, source, IndexListener.none(), () -> false))
                    .isInstanceOfSatisfying(SearchIndexException.class, e -> assertThat(e.kind()).isEqualTo(SearchIndexException.Kind.READ_ONLY))
                    .hasMessage("The search index is read-only (its folder cannot be written) — it can be searched, not changed");
            assertThatThrownBy(() -> readOnly.addFolder("Vorlagen", folder)).isInstanceOf(SearchIndexException.class);
            assertThatThrownBy(() -> readOnly.removeFolder("Müller", folder)).isInstanceOf(SearchIndexException.class);
            assertThat(readOnly.collections()).containsExactly("Müller");
        }
        assertThat(index.isWritable()).isTrue();
    }

    @Test
    void an_index_folder_that_cannot_be_written_is_opened_for_search() throws IOException {
        write("a.txt", "Die Räumungsklage wurde eingereicht.");
        index();
        index.close();
        Path indexFolder = dir.resolve("index");
        Set<PosixFilePermission> writable = Files.getPosixFilePermissions(indexFolder);
        Files.setPosixFilePermissions(indexFolder, PosixFilePermissions.fromString("r-xr-xr-x"));
        try {
            assumeFalse(Files.isWritable(indexFolder), "permissions bind this user (not root)");

            index = SearchIndex.open(indexFolder, Optional.empty());

            assertThat(index.isWritable()).isFalse();
            assertThat(found("Räumungsklage")).containsExactly("a.txt");
        } finally {
            Files.setPosixFilePermissions(indexFolder, writable);
        }
    }

    @Test
    void a_damaged_index_is_reported_as_such() throws IOException {
        Path damaged = Files.createDirectories(dir.resolve("damaged"));
        Files.write(damaged.resolve("segments_1"), "not a Lucene commit, just some bytes long enough to be read".getBytes(StandardCharsets.UTF_8));

        assertThatThrownBy(() -> SearchIndex.open(damaged, Optional.empty()))
                .isInstanceOfSatisfying(SearchIndexException.class, e -> assertThat(e.kind()).isEqualTo(SearchIndexException.Kind.DAMAGED));
    }

    @Test
    void progress_counts_every_file_of_the_run() throws IOException {
        write("a.txt", "Erster Schriftsatz.");
        write("b.txt", "Zweiter Schriftsatz.");
        List<String> progress = new ArrayList<>();

        index.index("Müller", source, (done, total, file) -> progress.add(done + "/" + total + " " + file.getFileName()), () -> false);

        assertThat(progress).containsExactly("0/2 a.txt", "1/2 b.txt");
    }

    private IndexResult index() throws IOException {
        return index.index(null, source, IndexListener.none(), () -> false);
    }

    private Path write(String name, String text) throws IOException {
        return Files.writeString(folder.resolve(name), text);
    }

    private List<String> found(String query) throws IOException {
        return index.search(query, SearchRequest.bm25(10)).hits().stream().map(Hit::fileName).toList();
    }

    private Hit only(String query) throws IOException {
        List<Hit> hits = index.search(query, SearchRequest.bm25(10)).hits();
        assertThat(hits).as("hits for %s", query).isNotEmpty();
        return hits.getFirst();
    }
}
