package org.hearth.app.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.hearth.app.HearthPaths;
import org.hearth.assistant.llama.ContextOptions;
import org.hearth.domain.Locator;
import org.hearth.fixtures.documents.TestPdfs;
import org.hearth.ingest.document.DocumentReaders;
import org.hearth.ingest.document.ReadOptions;
import org.hearth.ingest.document.ReadProgress;
import org.hearth.ingest.document.TextLimitReached;
import org.hearth.ingest.index.DocumentSource;
import org.hearth.ingest.index.PartlyRead;
import org.hearth.ui.service.SearchService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Search tab's real service over a real index (keywords only: no embedding model in this home). */
class LocalSearchServiceTest {

    @TempDir
    Path dir;

    @Test
    void aFileCutAtTheTextLimitReachesTheWindowAsPartlyRead() throws Exception {
        Path folder = Files.createDirectories(dir.resolve("Anlagen"));
        Path hostile = TestPdfs.repeatedContent(folder, "wiederholt.pdf", 3, 10);
        HearthPaths paths = new HearthPaths(dir.resolve("home"));
        DocumentSource limited = (file, cancelled) -> DocumentReaders.read(file, ReadOptions.none(), ReadProgress.none(), 500);
        try (LocalSearchService service = new LocalSearchService(() -> SearchSetup.open(paths, Optional.empty(), 1),
                limited, cancelled -> {
                    throw new AssertionError("indexing needs no model");
                }, () -> ContextOptions.defaults().withThreads(1),
                new SourceViewer(file -> { }, List.of(), "Linux"), (listener, cancellation) -> {
                    throw new AssertionError("nothing installs the search model here");
                }, Optional.empty())) {

            IndexEnd indexing = new IndexEnd();
            service.addFolder("Anlagen", folder, indexing);
            SearchService.IndexJob.Summary summary = indexing.end.get(2, TimeUnit.MINUTES);

            assertThat(summary.indexed()).isEqualTo(1);
            assertThat(summary.errors()).isEmpty();
            assertThat(summary.partlyRead()).containsExactly(new PartlyRead(hostile, new TextLimitReached(Locator.Unit.PAGE, 1, 3, 500)));
        }
    }

    /**
     * The window asks for the index only after its first frame: constructing the service opens nothing, and opening it
     * catches up with a file added while the app was closed.
     */
    @Test
    void theIndexOpensWhenAskedAndThenCatchesUpWithWhatChangedWhileClosed() throws Exception {
        Path folder = Files.createDirectories(dir.resolve("Akten"));
        Files.writeString(folder.resolve("mueller.txt"), "Die Kündigungsfrist beträgt drei Monate.");
        HearthPaths paths = new HearthPaths(dir.resolve("home"));
        try (LocalSearchService before = service(() -> SearchSetup.open(paths, Optional.empty(), 1))) {
            IndexEnd indexing = new IndexEnd();
            before.addFolder("Müller", folder, indexing);
            assertThat(indexing.end.get(2, TimeUnit.MINUTES).indexed()).isEqualTo(1);
        }
        Files.writeString(folder.resolve("schmidt.txt"), "Die Mietsache wird zum Monatsende übergeben.");

        AtomicInteger opened = new AtomicInteger();
        try (LocalSearchService service = service(() -> {
            opened.incrementAndGet();
            return SearchSetup.open(paths, Optional.empty(), 1);
        })) {
            assertThat(opened).as("nothing opens the index before it is asked for").hasValue(0);

            service.openInBackground();
            service.openInBackground();
            // collections() waits for the opening, which queues the catch-up; the update queues behind that, so when
            // it ends the catch-up has ended too
            assertThat(service.collections()).extracting(SearchService.Collection::name).containsExactly("Müller");
            IndexEnd afterCatchUp = new IndexEnd();
            service.update("Müller", afterCatchUp);
            assertThat(afterCatchUp.end.get(2, TimeUnit.MINUTES).indexed()).as("the catch-up had read the new file").isZero();
            assertThat(service.collections()).singleElement().satisfies(c -> assertThat(c.files()).isEqualTo(2));
            assertThat(opened).as("opened once").hasValue(1);
        }
    }

    private static LocalSearchService service(java.util.concurrent.Callable<SearchSetup> openSetup) throws Exception {
        return new LocalSearchService(openSetup, DocumentSource.inProcess(), cancelled -> {
            throw new AssertionError("indexing needs no model");
        }, () -> ContextOptions.defaults().withThreads(1), new SourceViewer(file -> { }, List.of(), "Linux"),
                (listener, cancellation) -> {
                    throw new AssertionError("nothing installs the search model here");
                }, Optional.empty());
    }

    @Test
    void aFolderIsIndexedWithProgressThenSearchedAndAnOffTopicQuestionIsRefused() throws Exception {
        Path folder = Files.createDirectories(dir.resolve("Akten"));
        Files.writeString(folder.resolve("mueller.txt"), "Die Kündigungsfrist mit der Müller GmbH beträgt drei Monate zum Quartalsende.");
        TestPdfs.multiPage(folder);
        List<Path> opened = new ArrayList<>();
        HearthPaths paths = new HearthPaths(dir.resolve("home"));
        try (LocalSearchService service = new LocalSearchService(() -> SearchSetup.open(paths, Optional.empty(), 1),
                DocumentSource.inProcess(), cancelled -> {
                    throw new AssertionError("an off-topic question must not reach the model");
                }, () -> ContextOptions.defaults().withThreads(1),
                new SourceViewer(opened::add, List.of(), "Linux"), (listener, cancellation) -> {
                    throw new AssertionError("nothing installs the search model here");
                }, Optional.empty())) {

            IndexEnd indexing = new IndexEnd();
            service.addFolder("Müller", folder, indexing);
            SearchService.IndexJob.Summary summary = indexing.end.get(2, TimeUnit.MINUTES);
            assertThat(summary.indexed()).isEqualTo(2);
            assertThat(indexing.progress).isNotEmpty();
            assertThat(service.collections()).singleElement().satisfies(c -> {
                assertThat(c.name()).isEqualTo("Müller");
                assertThat(c.files()).isEqualTo(2);
                assertThat(c.chunks()).isGreaterThanOrEqualTo(2);
            });

            SearchRecorder searched = new SearchRecorder();
            service.search("Kündigungsfristen", Optional.of("Müller"), 10, searched);
            SearchService.Results results = searched.found.get(1, TimeUnit.MINUTES);
            assertThat(results.ranking()).isEqualTo(SearchService.Ranking.KEYWORDS_NO_MODEL);
            assertThat(searched.refined).as("without a search model nothing refines the keyword hits").isNotDone();
            assertThat(results.hits()).anySatisfy(hit -> {
                assertThat(hit.location().fileName()).isEqualTo("mueller.txt");
                String highlighted = hit.snippet().substring(hit.highlights().getFirst().start(), hit.highlights().getFirst().end());
                assertThat(highlighted).startsWith("Kündigungsfrist");
            });
            service.open(results.hits().getFirst().location());
            assertThat(opened).containsExactly(results.hits().getFirst().location().file());

            AnswerRecorder asking = new AnswerRecorder();
            service.ask("Wann fährt der nächste Zug nach Hamburg?", Optional.empty(), asking);
            SearchService.AnswerJob.Answer answer = asking.end.get(1, TimeUnit.MINUTES);
            assertThat(answer.refused()).isTrue();
            assertThat(answer.citations()).isEmpty();
            assertThat(answer.text()).isNotBlank();
        }
    }

    private static final class AnswerRecorder extends JobEnd<SearchService.AnswerJob.Answer> implements SearchService.AnswerJob.Listener {
        @Override
        public void sources(List<SearchService.Hit> sources) {
        }

        @Override
        public void text(String piece) {
        }

        @Override
        public void done(SearchService.AnswerJob.Answer answer) {
            end.complete(answer);
        }
    }
}
