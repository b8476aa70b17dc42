package org.hearth.ingest.index;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.hearth.domain.Language;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** German and English stemming, umlauts and compounds, seen from the search box. */
class LanguageSearchTest {

    @TempDir
    Path dir;

    private SearchIndex index;

    @BeforeEach
    void indexDocuments() throws IOException {
        Path folder = Files.createDirectories(dir.resolve("akten"));
        Files.writeString(folder.resolve("frist.txt"), "Die Kündigungsfrist beträgt drei Monate zum Ende des Quartals.");
        Files.writeString(folder.resolve("umschrift.txt"), "Die Kuendigungsfrist fuer den Mieter ist in § 5 des Vertrags geregelt.");
        Files.writeString(folder.resolve("vertraege.txt"), "Die Mietverträge wurden vom Vermieter geprüft und sind wirksam.");
        Files.writeString(folder.resolve("kauf.txt"), "Der Kaufpreis ist bei Übergabe der Sache fällig und zu zahlen.");
        Files.writeString(folder.resolve("lease.txt"), "The notice period for the tenant is three months under this lease.");
        Files.writeString(folder.resolve("ended.txt"), "The agreement was terminated by the landlord with immediate effect.");
        index = SearchIndex.open(dir.resolve("index"), Optional.empty());
        index.addFolder("akten", folder);
        IndexResult result = index.index(null, DocumentSource.inProcess(), IndexListener.none(), () -> false);
        assertThat(result.indexed()).isEqualTo(6);
    }

    @AfterEach
    void close() throws IOException {
        index.close();
    }

    @Test
    void a_german_plural_finds_the_singular_with_umlaut_or_ue() throws IOException {
        assertThat(found("Kündigungsfristen")).containsExactlyInAnyOrder("frist.txt", "umschrift.txt");
        assertThat(found("Kuendigungsfristen")).containsExactlyInAnyOrder("frist.txt", "umschrift.txt");
    }

    @Test
    void a_singular_finds_a_plural_in_a_compound() throws IOException {
        assertThat(found("Mietvertrag")).containsExactly("vertraege.txt");
    }

    @Test
    void a_part_of_a_german_compound_finds_the_compound_and_is_highlighted_whole() throws IOException {
        assertThat(found("Frist")).containsExactlyInAnyOrder("frist.txt", "umschrift.txt");

        Hit hit = index.search("Frist", SearchRequest.bm25(10)).hits().stream()
                .filter(h -> h.fileName().equals("frist.txt")).findFirst().orElseThrow();
        assertThat(hit.snippet().marked()).contains("«Kündigungsfrist»");
        assertThat(hit.termCoverage()).isEqualTo(1.0);
    }

    @Test
    void english_plurals_and_inflections_find_each_other() throws IOException {
        assertThat(found("notice periods")).containsExactly("lease.txt");
        assertThat(found("termination")).containsExactly("ended.txt");
    }

    @Test
    void each_document_is_analysed_in_its_own_language() throws IOException {
        assertThat(index.search("Kündigungsfrist", SearchRequest.bm25(10)).hits())
                .allSatisfy(hit -> assertThat(hit.chunk().language()).isEqualTo(Language.GERMAN));
        assertThat(index.search("lease", SearchRequest.bm25(10)).hits())
                .singleElement().satisfies(hit -> assertThat(hit.chunk().language()).isEqualTo(Language.ENGLISH));
    }

    @Test
    void words_in_no_document_find_nothing_and_say_so_through_the_signals() throws IOException {
        SearchResponse none = index.search("Grundbuchberichtigung Erbschein", SearchRequest.bm25(10));
        SearchResponse some = index.search("Kaufpreis Übergabe", SearchRequest.bm25(10));

        assertThat(none.hits()).isEmpty();
        assertThat(none.topBm25Score()).isZero();
        assertThat(none.bestTermCoverage()).isZero();
        assertThat(some.hits()).extracting(Hit::fileName).containsExactly("kauf.txt");
        assertThat(some.topBm25Score()).isPositive();
        assertThat(some.bestTermCoverage()).isEqualTo(1.0);
    }

    private List<String> found(String query) throws IOException {
        return index.search(query, SearchRequest.bm25(10)).hits().stream().map(Hit::fileName).toList();
    }
}
