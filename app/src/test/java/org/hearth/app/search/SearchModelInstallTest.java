package org.hearth.app.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.hearth.app.HearthPaths;
import org.hearth.app.models.LocalModelService;
import org.hearth.app.settings.JsonSettingsStore;
import org.hearth.assistant.llama.ContextOptions;
import org.hearth.assistant.model.CatalogModel;
import org.hearth.assistant.model.HuggingFaceHub;
import org.hearth.assistant.model.ModelCatalog;
import org.hearth.fixtures.gguf.TestModels;
import org.hearth.fixtures.http.LoopbackFileServer;
import org.hearth.ingest.index.DocumentSource;
import org.hearth.ui.service.SearchService.InstallJob;
import org.hearth.ui.service.SearchService.Ranking;
import org.hearth.ui.service.SearchService.Results;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Installing the search model from the Search tab's service, downloaded from a loopback hub that serves the tiny
 * embedding model under the catalog's name: keyword hits before, hits ranked by meaning once the documents indexed
 * before have their vectors.
 */
class SearchModelInstallTest {

    @TempDir
    Path dir;

    @Test
    void theInstalledModelJoinsTheOpenIndexAndTheDocumentsIndexedBeforeGetRankedByMeaning() throws Exception {
        Path folder = Files.createDirectories(dir.resolve("Akten"));
        Files.writeString(folder.resolve("mueller.txt"), "Die Kündigungsfrist mit der Müller GmbH beträgt drei Monate zum Quartalsende.");
        byte[] model = Files.readAllBytes(TestModels.tinyEmbedding(dir));
        CatalogModel catalog = ModelCatalog.embeddingModel();
        HearthPaths paths = new HearthPaths(dir.resolve("home"));
        try (LoopbackFileServer hub = LoopbackFileServer.start();
             LocalModelService models = new LocalModelService(paths, new JsonSettingsStore(paths.home().resolve("settings.json")),
                     new HuggingFaceHub(HuggingFaceHub.defaultHttpClient(), hub.baseUri()));
             LocalSearchService service = new LocalSearchService(() -> SearchSetup.open(paths, Optional.empty(), 1),
                     DocumentSource.inProcess(), models, () -> ContextOptions.defaults().withThreads(1),
                     new SourceViewer(file -> { }, List.of(), "Linux"), models::downloadSearchModel, Optional.empty())) {
            hub.publishOnHub(catalog.hubRepository(), catalog.fileName(), model,
                    HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(model)));
            IndexEnd added = new IndexEnd();
            service.addFolder("Müller", folder, added);
            added.end.get(2, TimeUnit.MINUTES);
            assertThat(searched(service).found.get(1, TimeUnit.MINUTES).ranking()).isEqualTo(Ranking.KEYWORDS_NO_MODEL);

            InstallEnd install = new InstallEnd();
            service.installSearchModel(install);
            install.end.get(2, TimeUnit.MINUTES);
            assertThat(install.progress).isNotEmpty().last().isEqualTo((long) model.length);
            assertThat(paths.models().resolve(catalog.fileName())).hasBinaryContent(model);

            // Runs after the update the install started, which gave the file its vectors.
            IndexEnd updated = new IndexEnd();
            service.update("Müller", updated);
            updated.end.get(2, TimeUnit.MINUTES);
            SearchRecorder after = searched(service);
            assertThat(after.found.get(1, TimeUnit.MINUTES).ranking()).isEqualTo(Ranking.KEYWORDS_REFINING);
            Results refined = after.refined.get(1, TimeUnit.MINUTES);
            assertThat(refined.ranking()).isEqualTo(Ranking.HYBRID);
            assertThat(refined.hits()).extracting(hit -> hit.location().fileName()).contains("mueller.txt");
        }
    }

    private static SearchRecorder searched(LocalSearchService service) {
        SearchRecorder searched = new SearchRecorder();
        service.search("Kündigungsfrist", Optional.empty(), 10, searched);
        return searched;
    }

    private static final class InstallEnd extends JobEnd<Void> implements InstallJob.Listener {
        final List<Long> progress = new CopyOnWriteArrayList<>();

        @Override
        public void progress(long bytesDone, long totalBytes) {
            progress.add(bytesDone);
        }

        @Override
        public void done() {
            end.complete(null);
        }
    }
}
