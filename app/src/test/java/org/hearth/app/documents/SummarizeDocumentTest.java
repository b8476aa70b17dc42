package org.hearth.app.documents;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.hearth.app.estimate.ModelSpeed;
import org.hearth.app.estimate.SpeedBook;
import org.hearth.app.estimate.SummaryEstimate;
import org.hearth.assistant.engine.local.LocalEngine;
import org.hearth.assistant.llama.ContextOptions;
import org.hearth.assistant.llama.LlamaModel;
import org.hearth.assistant.llama.LlamaRuntime;
import org.hearth.domain.Language;
import org.hearth.domain.Locator;
import org.hearth.assistant.task.summary.SummaryStyle;
import org.hearth.fixtures.documents.ScannedLetters;
import org.hearth.fixtures.documents.TestPdfs;
import org.hearth.fixtures.gguf.TestModels;
import org.hearth.ingest.document.DocumentText;
import org.hearth.ingest.document.IsolatedDocumentReader;
import org.hearth.ingest.document.TextBlock;
import org.hearth.ingest.document.TextLimitReached;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The one summary use case on the real tiny model and generated PDFs, without CLI or window around it. */
class SummarizeDocumentTest {

    @TempDir
    static Path dir;

    private static LlamaModel model;
    private static IsolatedDocumentReader reader;

    @BeforeAll
    static void load() {
        model = LlamaRuntime.get().loadModel(TestModels.tinyQwen35(dir), fraction -> true);
        reader = new IsolatedDocumentReader(IsolatedDocumentReader.Limits.defaults());
    }

    @AfterAll
    static void close() {
        reader.close();
        model.close();
    }

    private final List<String> events = new CopyOnWriteArrayList<>();
    private final StringBuilder streamed = new StringBuilder();
    private int released;

    private SummarizeDocument.EngineSource engines() {
        return cancelled -> new SummarizeDocument.EngineUse(
                new LocalEngine(model, ContextOptions.defaults().withThreads(1)), "tiny.gguf", cancelled, () -> released++);
    }

    private final List<SummaryEstimate> estimates = new CopyOnWriteArrayList<>();

    private final SummarizeDocument.Listener listener = new SummarizeDocument.Listener() {
        @Override
        public void estimated(SummaryEstimate estimate) {
            estimates.add(estimate);
        }

        @Override
        public void reading(int pagesDone, int pagesTotal) {
            events.add("reading");
        }

        @Override
        public void summarising(DocumentText document) {
            events.add("summarising");
        }

        @Override
        public void text(String piece) {
            streamed.append(piece);
        }

        @Override
        public void textDiscarded() {
            streamed.setLength(0);
        }
    };

    @Test
    void aPdfIsReadSummarisedAndCitedByPageAndTheEngineIsGivenBack() throws Exception {
        SummarizeDocument.Outcome outcome = new SummarizeDocument(reader).run(TestPdfs.multiPage(dir),
                new SummarizeDocument.Options(SummaryStyle.KEY_POINTS, Optional.of(Language.GERMAN), Optional.empty()),
                engines(), listener, () -> false);

        assertThat(outcome).isInstanceOf(SummarizeDocument.Done.class);
        SummarizeDocument.Result result = ((SummarizeDocument.Done) outcome).result();
        assertThat(result.pages()).isEqualTo(TestPdfs.MULTI_PAGE_LINES.size());
        assertThat(result.language()).isEqualTo(Language.GERMAN);
        assertThat(result.citations()).isNotEmpty().allSatisfy(c -> {
            assertThat(c.unit()).isEqualTo(Locator.Unit.PAGE);
            assertThat(c.to()).isLessThanOrEqualTo(result.pages());
        });
        assertThat(streamed.toString()).isEqualTo(result.text());
        assertThat(events).containsSubsequence("reading", "summarising");
        assertThat(released).isEqualTo(1);
    }

    @Test
    void anImageOnlyPdfIsSummarisedFromItsOcrTextAndCitedByItsPages() throws Exception {
        Path scan = ScannedLetters.pdf(dir.resolve("scan-eingang.pdf"), List.of(
                ScannedLetters.page(ScannedLetters.GERMAN, ScannedLetters.Quality.CLEAN, 0, 1),
                ScannedLetters.page(ScannedLetters.ENGLISH, ScannedLetters.Quality.CLEAN, 0, 2)));
        List<DocumentText> read = new CopyOnWriteArrayList<>();
        SummarizeDocument.Listener keepsText = new SummarizeDocument.Listener() {
            @Override
            public void summarising(DocumentText document) {
                read.add(document);
            }
        };

        SummarizeDocument.Outcome outcome = new SummarizeDocument(reader).run(scan,
                new SummarizeDocument.Options(SummaryStyle.KEY_POINTS, Optional.of(Language.GERMAN), Optional.empty()),
                engines(), keepsText, () -> false);

        assertThat(outcome).isInstanceOf(SummarizeDocument.Done.class);
        SummarizeDocument.Result result = ((SummarizeDocument.Done) outcome).result();
        assertThat(result.pages()).isEqualTo(2);
        assertThat(result.citations()).isNotEmpty().allSatisfy(c -> {
            assertThat(c.unit()).isEqualTo(Locator.Unit.PAGE);
            assertThat(c.to()).isLessThanOrEqualTo(2);
        });
        assertThat(read).singleElement().satisfies(document -> {
            assertThat(document.blocks()).allMatch(TextBlock::ocr);
            assertThat(document.blocks().getFirst().text()).contains("Landgericht München I");
        });
    }

    @Test
    void aSummaryOfADocumentCutAtTheTextLimitCarriesTheNoteForCliAndWindow() throws Exception {
        Path hostile = TestPdfs.repeatedContent(dir, "wiederholt.pdf", 3, 10);
        SummarizeDocument.Outcome outcome;
        try (IsolatedDocumentReader limited = new IsolatedDocumentReader(IsolatedDocumentReader.Limits.defaults().withMaxCharacters(600))) {
            outcome = new SummarizeDocument(limited).run(hostile,
                    new SummarizeDocument.Options(SummaryStyle.BRIEF, Optional.of(Language.GERMAN), Optional.empty()),
                    engines(), listener, () -> false);
        }

        assertThat(outcome).isInstanceOf(SummarizeDocument.Done.class);
        SummarizeDocument.Result result = ((SummarizeDocument.Done) outcome).result();
        assertThat(result.limitReached()).contains(new TextLimitReached(Locator.Unit.PAGE, 1, 3, 600));
        assertThat(result.warning()).contains("Only the text up to page 1 of 3 was read: the rest was left out because "
                + "Hearth takes at most 600 characters from one document");
    }

    @Test
    void anEncryptedPdfWithoutPasswordFailsForThatReasonWithoutTakingTheEngine() throws Exception {
        SummarizeDocument.Outcome outcome = new SummarizeDocument(reader).run(TestPdfs.encrypted(dir),
                new SummarizeDocument.Options(SummaryStyle.BRIEF, Optional.empty(), Optional.empty()),
                cancelled -> {
                    throw new AssertionError("the engine must not be asked for an unreadable file");
                }, listener, () -> false);

        assertThat(outcome).isInstanceOfSatisfying(SummarizeDocument.Failed.class,
                failed -> assertThat(failed.reason()).isEqualTo(SummarizeDocument.Reason.PASSWORD_REQUIRED));
    }

    @Test
    void aJobCancelledBeforeItStartsEndsCancelled() throws Exception {
        SummarizeDocument.Outcome outcome = new SummarizeDocument(reader).run(TestPdfs.multiPage(dir),
                new SummarizeDocument.Options(SummaryStyle.BRIEF, Optional.empty(), Optional.empty()),
                engines(), listener, () -> true);

        assertThat(outcome).isInstanceOf(SummarizeDocument.Cancelled.class);
        assertThat(released).isZero();
    }

    @Test
    void aSummaryLongerThanItsBudgetStopsBeforeItStartsAndSaysHowManyPagesWouldFit() throws Exception {
        Duration budget = Duration.ofSeconds(200);

        SummarizeDocument.Outcome outcome = new SummarizeDocument(reader).run(TestPdfs.longDocument(dir, 40),
                options(OptionalInt.empty(), Optional.of(budget)), engines(), listener, () -> false);

        assertThat(outcome).isInstanceOfSatisfying(SummarizeDocument.TooLong.class, tooLong -> {
            assertThat(tooLong.units()).isEqualTo(40);
            assertThat(tooLong.unit()).isEqualTo(Locator.Unit.PAGE);
            assertThat(tooLong.whole().exceeds(budget)).isTrue();
            assertThat(tooLong.whole().rough()).as("no speed of this model was measured").isTrue();
            assertThat(tooLong.whole().plan().steps()).isGreaterThan(1);
            assertThat(tooLong.shorterUnits()).isBetween(1, 39);
            assertThat(tooLong.shorter().time()).isLessThan(tooLong.whole().time());
        });
        assertThat(events).doesNotContain("summarising");
        assertThat(streamed).isEmpty();
        assertThat(released).isEqualTo(1);
    }

    @Test
    void withAPageLimitOnlyTheFirstPagesAreSummarisedAndCited() throws Exception {
        SummarizeDocument.Outcome outcome = new SummarizeDocument(reader).run(TestPdfs.longDocument(dir, 40),
                options(OptionalInt.of(3), Optional.empty()), engines(), listener, () -> false);

        assertThat(outcome).isInstanceOfSatisfying(SummarizeDocument.Done.class, done -> {
            assertThat(done.result().firstPages()).hasValue(3);
            assertThat(done.result().pages()).isEqualTo(40);
            assertThat(done.result().citations()).isNotEmpty().allSatisfy(cited -> assertThat(cited.to()).isLessThanOrEqualTo(3));
        });
        assertThat(estimates).singleElement().satisfies(estimate -> assertThat(estimate.plan().steps()).isEqualTo(1));
    }

    @Test
    void aFinishedSummaryKeepsTheModelsSpeedAndTheNextEstimateRestsOnIt() throws Exception {
        Map<String, ModelSpeed> kept = new ConcurrentHashMap<>();
        SpeedBook speeds = new SpeedBook() {
            @Override
            public Optional<ModelSpeed> of(String model) {
                return Optional.ofNullable(kept.get(model));
            }

            @Override
            public void record(String model, ModelSpeed speed) {
                kept.put(model, speed);
            }
        };
        SummarizeDocument summarize = new SummarizeDocument(reader, speeds);

        summarize.run(TestPdfs.multiPage(dir), options(OptionalInt.empty(), Optional.empty()), engines(), listener, () -> false);
        ModelSpeed first = kept.get("tiny.gguf");
        summarize.run(TestPdfs.multiPage(dir), options(OptionalInt.empty(), Optional.empty()), engines(), listener, () -> false);

        assertThat(kept).containsOnlyKeys("tiny.gguf");
        assertThat(first.measured()).isTrue();
        assertThat(estimates).extracting(SummaryEstimate::rough).containsExactly(true, false);
        assertThat(estimates.get(1)).isEqualTo(SummaryEstimate.of(estimates.get(1).plan(), first));
    }

    private static SummarizeDocument.Options options(OptionalInt firstPages, Optional<Duration> budget) {
        return new SummarizeDocument.Options(SummaryStyle.BRIEF, Optional.of(Language.GERMAN), Optional.empty())
                .limitedTo(firstPages, budget);
    }
}
