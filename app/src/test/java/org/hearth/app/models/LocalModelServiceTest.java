package org.hearth.app.models;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.hearth.app.HearthPaths;
import org.hearth.app.settings.JsonSettingsStore;
import org.hearth.assistant.engine.ModelLease;
import org.hearth.assistant.model.HuggingFaceHub;
import org.hearth.fixtures.gguf.TestModels;
import org.hearth.ui.service.ModelService.ModelState;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The window's model service with the installed tiny model: the status bar's state comes from the host's leases. */
class LocalModelServiceTest {

    private static final String NAME = "tiny-qwen35.gguf";

    @TempDir
    Path dir;

    private LocalModelService models;
    private final List<ModelState> heard = new CopyOnWriteArrayList<>();
    private final CompletableFuture<ModelState> ready = new CompletableFuture<>();

    @BeforeEach
    void start() throws Exception {
        HearthPaths paths = new HearthPaths(dir.resolve("home"));
        Files.createDirectories(paths.models());
        Files.copy(TestModels.tinyQwen35(dir), paths.models().resolve(NAME));
        // A hub nobody listens on: these tests must not touch the network.
        models = new LocalModelService(paths, new JsonSettingsStore(paths.home().resolve("settings.json")),
                new HuggingFaceHub(HuggingFaceHub.defaultHttpClient(), URI.create("http://127.0.0.1:9")));
        models.addListener(state -> {
            heard.add(state);
            if (state instanceof ModelState.Ready) {
                ready.complete(state);
            }
        });
        models.start();
    }

    @AfterEach
    void stop() {
        models.close();
    }

    @Test
    void theStatusStaysBusyUntilTheLastOfTwoJobsClosesItsLease() throws Exception {
        assertThat(ready.get(2, TimeUnit.MINUTES)).isEqualTo(new ModelState.Ready(NAME));
        assertThat(heard).first().isInstanceOf(ModelState.Loading.class);

        ModelLease first = models.lease(() -> false);
        ModelLease second = models.lease(() -> false);
        assertThat(models.state()).isEqualTo(new ModelState.Busy(NAME, 2));

        first.close();
        assertThat(models.state()).as("one job still runs").isEqualTo(new ModelState.Busy(NAME, 1));
        assertThat(second.model().tokenize("Frist", false, false)).isNotEmpty();

        second.close();
        assertThat(models.state()).isEqualTo(new ModelState.Ready(NAME));
        assertThat(heard.subList(heard.indexOf(new ModelState.Busy(NAME, 1)), heard.size()))
                .containsExactly(new ModelState.Busy(NAME, 1), new ModelState.Busy(NAME, 2), new ModelState.Busy(NAME, 1),
                        new ModelState.Ready(NAME));
    }

    @Test
    void aLeaseOnFirstUseHoldsTheModelOnlyFromItsFirstUseToItsClose() throws Exception {
        ready.get(2, TimeUnit.MINUTES);

        try (LeaseOnFirstUse lease = new LeaseOnFirstUse(models, () -> false)) {
            assertThat(lease.cancelled()).isFalse();
            assertThat(models.state()).isEqualTo(new ModelState.Ready(NAME));
            assertThat(lease.model().isClosed()).isFalse();
            assertThat(models.state()).isEqualTo(new ModelState.Busy(NAME, 1));
        }
        assertThat(models.state()).isEqualTo(new ModelState.Ready(NAME));
    }
}
