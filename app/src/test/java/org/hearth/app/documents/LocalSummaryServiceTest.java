package org.hearth.app.documents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
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
import org.hearth.app.state.LocalState;
import org.hearth.assistant.llama.ContextOptions;
import org.hearth.assistant.model.HuggingFaceHub;
import org.hearth.assistant.task.summary.SummaryStyle;
import org.hearth.domain.Language;
import org.hearth.domain.Locator;
import org.hearth.fixtures.documents.ScannedLetters;
import org.hearth.fixtures.documents.TestPdfs;
import org.hearth.fixtures.gguf.TestModels;
import org.hearth.ui.service.ModelService.ModelState;
import org.hearth.ui.service.StoredSummary;
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

    private HearthPaths paths;
    private JsonSettingsStore settings;
    private LocalModelService models;
    private SummaryStore store;
    private LocalSummaryService summaries;

    @BeforeEach
    void start() throws Exception {
        paths = new HearthPaths(dir.resolve("home"));
        Files.createDirectories(paths.models());
        Files.copy(TestModels.tinyQwen35(dir), paths.models().resolve("tiny-qwen35.gguf"));
        settings = new JsonSettingsStore(paths.home().resolve("settings.json"));
        openServices();
    }

    private void openServices() {
        // A hub nobody listens on: these tests must not touch the network.
        models = new LocalModelService(paths, settings, new HuggingFaceHub(HuggingFaceHub.defaultHttpClient(), URI.create("http://127.0.0.1:9")));
        store = new SummaryStore(LocalState.open(paths.database()));
        summaries = new LocalSummaryService(models, () -> ContextOptions.defaults().withThreads(1), SpeedBook.NONE, store);
        models.start();
    }

    @AfterEach
    void stop() {
        summaries.close();
        store.close();
        models.close();
    }

    /** Closes the services and opens them again on the same data folder, as quitting and starting Hearth does. */
    private void restart() {
        stop();
        openServices();
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
    void aDroppedImageOnlyPdfIsReadByOcrAndItsSummaryCitesItsPages() throws Exception {
        Path scan = ScannedLetters.pdf(dir.resolve("scan-eingang.pdf"), List.of(
                ScannedLetters.page(ScannedLetters.GERMAN, ScannedLetters.Quality.CLEAN, 0, 1),
                ScannedLetters.page(ScannedLetters.GERMAN, ScannedLetters.Quality.ROUGH, 0, 2)));
        Recorder recorder = new Recorder();

        summaries.summarize(scan, new SummaryOptions(SummaryStyle.KEY_POINTS, Optional.of(Language.GERMAN), Optional.empty()), recorder);
        SummaryJob.Result result = (SummaryJob.Result) recorder.end.get(180, TimeUnit.SECONDS);

        assertThat(recorder.states).containsSubsequence(State.READING, State.SUMMARISING, State.DONE);
        assertThat(result.pages()).isEqualTo(2);
        assertThat(result.citations()).isNotEmpty().allSatisfy(c -> {
            assertThat(c.unit()).isEqualTo(Locator.Unit.PAGE);
            assertThat(c.to()).isLessThanOrEqualTo(2);
        });
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
    void aCancelledJobEndsCancelledKeepsNothingAndTheNextOneStillRuns() throws Exception {
        Recorder cancelled = new Recorder();
        SummaryJob job = summaries.summarize(TestPdfs.longDocument(dir, 40),
                new SummaryOptions(SummaryStyle.BRIEF, Optional.empty(), Optional.empty()), cancelled);
        job.cancel();

        assertThat(cancelled.end.get(60, TimeUnit.SECONDS)).isEqualTo(State.CANCELLED);
        assertThat(cancelled.states).last().isEqualTo(State.CANCELLED);
        assertThat(cancelled.stored).as("nothing was written, so nothing is kept").isNotDone();
        assertThat(summaries.storedSummaries()).isEmpty();

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

    @Test
    void aFinishedSummaryIsKeptAndAfterARestartComesBackWithItsCitationsUntilItIsDeleted() throws Exception {
        Path pdf = TestPdfs.multiPage(dir);
        Recorder recorder = new Recorder();
        summaries.summarize(pdf, new SummaryOptions(SummaryStyle.KEY_POINTS, Optional.of(Language.GERMAN), Optional.empty()), recorder);
        SummaryJob.Result result = (SummaryJob.Result) recorder.end.get(120, TimeUnit.SECONDS);
        assertThat(recorder.stored).as("kept before done was reported").isDone();
        long id = recorder.stored.get();

        restart();
        List<StoredSummary> kept = summaries.storedSummaries();

        assertThat(kept).singleElement().satisfies(summary -> {
            assertThat(summary.id()).isEqualTo(id);
            assertThat(summary.file()).isEqualTo(pdf);
            assertThat(summary.style()).isEqualTo(SummaryStyle.KEY_POINTS);
            assertThat(summary.partial()).isFalse();
            assertThat(summary.source()).isEqualTo(StoredSummary.Source.UNCHANGED);
            assertThat(summary.result()).contains(result);
        });
        assertThat(result.citations()).as("the tiny model's summary cites pages, so the round trip carries some").isNotEmpty();

        summaries.deleteStoredSummary(id);
        restart();
        assertThat(summaries.storedSummaries()).isEmpty();
    }

    @Test
    void aKeptSummarySaysWhenItsFileChangedOrIsGone() throws Exception {
        Path pdf = TestPdfs.multiPage(dir);
        Path copy = Files.copy(pdf, dir.resolve("kopie.pdf"));
        for (Path file : List.of(pdf, copy)) {
            Recorder recorder = new Recorder();
            summaries.summarize(file, new SummaryOptions(SummaryStyle.BRIEF, Optional.empty(), Optional.empty()), recorder);
            assertThat(recorder.end.get(120, TimeUnit.SECONDS)).isInstanceOf(SummaryJob.Result.class);
        }

        Files.writeString(pdf, "%% appended after the summary", StandardOpenOption.APPEND);
        Files.delete(copy);
        restart();

        assertThat(summaries.storedSummaries()).extracting(StoredSummary::file, StoredSummary::source).containsExactly(
                tuple(copy, StoredSummary.Source.MISSING), tuple(pdf, StoredSummary.Source.CHANGED));
    }

    @Test
    void aSummaryCancelledWhileItWasWrittenIsKeptPartialWithWhatWasWritten() throws Exception {
        CompletableFuture<SummaryJob> job = new CompletableFuture<>();
        Recorder recorder = new Recorder() {
            @Override
            public void text(String piece) {
                super.text(piece);
                job.thenAccept(SummaryJob::cancel);
            }
        };
        job.complete(summaries.summarize(TestPdfs.multiPage(dir),
                new SummaryOptions(SummaryStyle.DETAILED, Optional.of(Language.ENGLISH), Optional.empty()), recorder));
        assertThat(recorder.end.get(120, TimeUnit.SECONDS)).isEqualTo(State.CANCELLED);

        restart();

        assertThat(summaries.storedSummaries()).singleElement().satisfies(summary -> {
            assertThat(summary.partial()).isTrue();
            assertThat(summary.text()).isNotEmpty().isEqualTo(recorder.streamed());
            assertThat(summary.language()).contains(Language.ENGLISH);
            assertThat(summary.result()).as("a partial summary is not exported as a finished one").isEmpty();
        });
    }

    /** Records what a job reports; {@code end} completes with the result, the failure or CANCELLED. */
    private static class Recorder extends StreamedText implements SummaryJob.Listener {
        final List<State> states = new CopyOnWriteArrayList<>();
        final CompletableFuture<Object> end = new CompletableFuture<>();
        final CompletableFuture<Long> stored = new CompletableFuture<>();
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
        public void stored(long id) {
            stored.complete(id);
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
