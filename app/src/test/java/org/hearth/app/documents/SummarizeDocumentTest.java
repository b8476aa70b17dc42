package org.hearth.app.documents;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.hearth.assistant.engine.local.LocalEngine;
import org.hearth.assistant.llama.ContextOptions;
import org.hearth.assistant.llama.LlamaModel;
import org.hearth.assistant.llama.LlamaRuntime;
import org.hearth.domain.Language;
import org.hearth.domain.Locator;
import org.hearth.assistant.task.summary.SummaryStyle;
import org.hearth.fixtures.documents.TestPdfs;
import org.hearth.fixtures.gguf.TestModels;
import org.hearth.ingest.document.DocumentText;
import org.hearth.ingest.document.IsolatedDocumentReader;
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

    private final SummarizeDocument.Listener listener = new SummarizeDocument.Listener() {
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
}
