package org.hearth.app.documents;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.OptionalInt;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.hearth.app.HearthPaths;
import org.hearth.app.models.LocalModelService;
import org.hearth.app.settings.JsonSettingsStore;
import org.hearth.app.estimate.SpeedBook;
import org.hearth.assistant.llama.ContextOptions;
import org.hearth.assistant.model.HuggingFaceHub;
import org.hearth.assistant.task.summary.SummaryStyle;
import org.hearth.domain.Language;
import org.hearth.domain.Locator;
import org.hearth.fixtures.documents.TestPdfs;
import org.hearth.fixtures.gguf.TestModels;
import org.hearth.ui.service.ModelService.ModelState;
import org.hearth.ui.service.SummaryJob;
import org.hearth.ui.service.SummaryJob.State;
import org.hearth.ui.service.SummaryService.SummaryOptions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.hearth.fixtures.text.StreamedText;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The services behind the window, with the real parts: the installed tiny model found and loaded
 * by the model service, files read by the bounded worker and summarised on libllama.
 */
class LocalSummaryServiceTest {

    @TempDir
    Path dir;

    private LocalModelService models;
    private LocalSummaryService summaries;

    @BeforeEach
    void start() throws Exception {
        HearthPaths paths = new HearthPaths(dir.resolve("home"));
        Files.createDirectories(paths.models());
        Files.copy(TestModels.tinyQwen35(dir), paths.models().resolve("tiny-qwen35.gguf"));
        JsonSettingsStore settings = new JsonSettingsStore(paths.home().resolve("settings.json"));
        // A hub nobody listens on: these tests must not touch the network.
        models = new LocalModelService(paths, settings, new HuggingFaceHub(HuggingFaceHub.defaultHttpClient(), URI.create("http://127.0.0.1:9")));
        summaries = new LocalSummaryService(models, () -> ContextOptions.defaults().withThreads(1), SpeedBook.NONE);
        models.start();
    }

    @AfterEach
    void stop() {
        summaries.close();
        models.close();
    }

    @Test
    void theInstalledModelIsFoundAndADroppedPdfIsReadAndSummarised() throws Exception {
        Recorder recorder = new Recorder();

        summaries.summarize(TestPdfs.multiPage(dir), new SummaryOptions(SummaryStyle.KEY_POINTS, Optional.of(Language.GERMAN), Optional.empty()), recorder);
        SummaryJob.Result result = (SummaryJob.Result) recorder.end.get(120, TimeUnit.SECONDS);

        assertThat(models.state()).isInstanceOf(ModelState.Ready.class);
        assertThat(recorder.states).containsSubsequence(State.QUEUED, State.READING, State.SUMMARISING, State.DONE);
        assertThat(result.pages()).isEqualTo(TestPdfs.MULTI_PAGE_LINES.size());
        assertThat(result.language()).isEqualTo(Language.GERMAN);
        assertThat(result.citations()).isNotEmpty().allSatisfy(c -> {
            assertThat(c.unit()).isEqualTo(Locator.Unit.PAGE);
            assertThat(c.to()).isLessThanOrEqualTo(result.pages());
        });
        assertThat(recorder.streamed()).isEqualTo(result.text());
    }

    @Test
    void anEncryptedPdfAsksForItsPasswordAndOpensWithIt() throws Exception {
        Path encrypted = TestPdfs.encrypted(dir);
        Recorder locked = new Recorder();
        summaries.summarize(encrypted, new SummaryOptions(SummaryStyle.BRIEF, Optional.empty(), Optional.empty()), locked);

        SummaryJob.Failure failure = (SummaryJob.Failure) locked.end.get(60, TimeUnit.SECONDS);
        assertThat(failure.reason()).isEqualTo(SummaryJob.Failure.Reason.PASSWORD_REQUIRED);
        assertThat(failure.fileName()).isEqualTo(encrypted.getFileName().toString());

        Recorder opened = new Recorder();
        summaries.summarize(encrypted, new SummaryOptions(SummaryStyle.BRIEF, Optional.empty(), Optional.of(TestPdfs.ENCRYPTED_PASSWORD)), opened);
        assertThat(opened.end.get(120, TimeUnit.SECONDS)).isInstanceOf(SummaryJob.Result.class);
    }

    @Test
    void aCancelledJobEndsCancelledAndTheNextOneStillRuns() throws Exception {
        Recorder cancelled = new Recorder();
        SummaryJob job = summaries.summarize(TestPdfs.longDocument(dir, 40),
                new SummaryOptions(SummaryStyle.BRIEF, Optional.empty(), Optional.empty()), cancelled);
        job.cancel();

        assertThat(cancelled.end.get(60, TimeUnit.SECONDS)).isEqualTo(State.CANCELLED);
        assertThat(cancelled.states).last().isEqualTo(State.CANCELLED);

        Recorder next = new Recorder();
        summaries.summarize(TestPdfs.multiPage(dir), new SummaryOptions(SummaryStyle.BRIEF, Optional.empty(), Optional.empty()), next);
        assertThat(next.end.get(120, TimeUnit.SECONDS)).isInstanceOf(SummaryJob.Result.class);
    }

    @Test
    void aLongSummaryWaitsForTheUsersChoiceAndThenSummarisesOnlyTheFirstPagesChosen() throws Exception {
        Recorder recorder = new Recorder();
        // 40 pages take several steps; at the rough default speed of a model never measured here that is over 5 minutes
        SummaryJob job = summaries.summarize(TestPdfs.longDocument(dir, 40),
                new SummaryOptions(SummaryStyle.BRIEF, Optional.of(Language.GERMAN), Optional.empty()), recorder);

        SummaryJob.LongJob asked = recorder.longJob.get(120, TimeUnit.SECONDS);
        assertThat(recorder.states).last().isEqualTo(State.AWAITING_CHOICE);
        assertThat(asked.minutes()).isGreaterThan(LocalSummaryService.ASK_ABOVE.toMinutes());
        assertThat(asked.rough()).isTrue();
        assertThat(asked.units()).isEqualTo(40);
        assertThat(asked.paged()).isTrue();
        assertThat(asked.firstUnits()).isBetween(1, 39);
        assertThat(asked.firstMinutes()).isLessThan(asked.minutes());
        assertThat(recorder.end).as("nothing runs while the question is open").isNotDone();

        job.proceed(OptionalInt.of(asked.firstUnits()));

        SummaryJob.Result result = (SummaryJob.Result) recorder.end.get(120, TimeUnit.SECONDS);
        assertThat(result.citations()).isNotEmpty().allSatisfy(c -> assertThat(c.to()).isLessThanOrEqualTo(asked.firstUnits()));
        assertThat(recorder.states).containsSubsequence(State.AWAITING_CHOICE, State.SUMMARISING, State.DONE);
        assertThat(recorder.remaining).isNotEmpty();
    }

    @Test
    void cancellingWhileTheQuestionIsOpenEndsTheJobCancelled() throws Exception {
        Recorder recorder = new Recorder();
        SummaryJob job = summaries.summarize(TestPdfs.longDocument(dir, 40),
                new SummaryOptions(SummaryStyle.BRIEF, Optional.of(Language.GERMAN), Optional.empty()), recorder);
        recorder.longJob.get(120, TimeUnit.SECONDS);

        job.cancel();

        assertThat(recorder.end.get(10, TimeUnit.SECONDS)).isEqualTo(State.CANCELLED);
    }

    /** Records what a job reports; {@code end} completes with the result, the failure or CANCELLED. */
    private static final class Recorder extends StreamedText implements SummaryJob.Listener {
        final List<State> states = new CopyOnWriteArrayList<>();
        final CompletableFuture<Object> end = new CompletableFuture<>();
        final CompletableFuture<SummaryJob.LongJob> longJob = new CompletableFuture<>();
        final List<Duration> remaining = new CopyOnWriteArrayList<>();

        @Override
        public void longJob(SummaryJob.LongJob estimate) {
            longJob.complete(estimate);
        }

        @Override
        public void remaining(Duration left) {
            remaining.add(left);
        }

        @Override
        public void state(State state) {
            states.add(state);
        }

        @Override
        public void progress(SummaryJob.Progress progress) {
        }

        @Override
        public void done(SummaryJob.Result result) {
            end.complete(result);
        }

        @Override
        public void failed(SummaryJob.Failure failure) {
            end.complete(failure);
        }

        @Override
        public void cancelled() {
            end.complete(State.CANCELLED);
        }
    }
}
