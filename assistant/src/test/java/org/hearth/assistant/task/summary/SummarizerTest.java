package org.hearth.assistant.task.summary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import org.hearth.assistant.engine.Message;
import org.hearth.assistant.engine.local.ChatPrompt;
import org.hearth.assistant.engine.local.LocalEngine;
import org.hearth.assistant.llama.ContextOptions;
import org.hearth.assistant.llama.LlamaModel;
import org.hearth.assistant.testing.SharedTinyModel;
import org.hearth.domain.Language;
import org.hearth.domain.Locator;
import org.junit.jupiter.api.Test;

/**
 * The summarizer's mechanisms with a random-weight model: its text is gibberish, so nothing here
 * asserts quality, only what holds by construction — coverage, references, budgets, streaming,
 * cancellation and the reuse of the system prompt.
 */
class SummarizerTest {

    private static final Pattern PAGE_REFERENCE = Pattern.compile("\\(S\\. ([0-9–, ]+)\\)");

    private static final LlamaModel model = SharedTinyModel.get();

    private static Summarizer summarizer(int contextLength) {
        return new Summarizer(new LocalEngine(model, ContextOptions.defaults().withThreads(1).withContextLength(contextLength)));
    }

    @Test
    void everyPartIsVisitedAndEveryReferenceIsAPageOfTheInput() {
        List<Passage> pages = germanPages(9, 100);
        Recorder recorder = new Recorder();
        Trace trace = new Trace();

        Summary summary = summarizer(1024).summarize(request(pages, SummaryStyle.KEY_POINTS), recorder, () -> false, trace);

        assertThat(summary.stats().parts()).isEqualTo(3);
        assertCoversEveryPage(summary, trace, pages.size());
        assertThat(summary.language()).isEqualTo(Language.GERMAN);
        assertThat(summary.citations()).isNotEmpty().allSatisfy(locator -> {
            assertThat(locator.unit()).isEqualTo(Locator.Unit.PAGE);
            assertThat(locator.from()).isBetween(1, pages.size());
            assertThat(locator.to()).isBetween(locator.from(), pages.size());
        });
        List<Integer> rendered = renderedPages(summary.text());
        assertThat(rendered).isNotEmpty().allSatisfy(page -> assertThat(page).isBetween(1, pages.size()));
        assertThat(rendered).allSatisfy(page -> assertThat(summary.citations())
                .anySatisfy(cited -> assertThat(page).isBetween(cited.from(), cited.to())));
        assertWithinContext(summary, trace);
        assertThat(recorder.progress.getLast()).containsExactly(trace.steps.size(), trace.steps.size());
    }

    @Test
    void aLongDocumentTakesSeveralReduceLevelsAndNoPromptExceedsTheContext() {
        // short pages: with the test model's byte vocabulary every character is a token to prefill
        List<Passage> pages = germanPages(300, 80);
        Recorder recorder = new Recorder();
        Trace trace = new Trace();

        Summary summary = summarizer(1024).summarize(request(pages, SummaryStyle.BRIEF), recorder, () -> false, trace);

        assertCoversEveryPage(summary, trace, pages.size());
        // map, at least two levels of reduce, final answer
        assertThat(summary.stats().levels()).isGreaterThanOrEqualTo(4);
        assertThat(trace.steps.stream().filter(step -> step.phase() == Phase.REDUCE).mapToInt(StepTrace.Step::level).distinct().count())
                .isGreaterThanOrEqualTo(2);
        assertWithinContext(summary, trace);
        assertThat(renderedPages(summary.text())).isNotEmpty().allSatisfy(page -> assertThat(page).isBetween(1, pages.size()));
        int[] last = recorder.progress.getLast();
        assertThat(last[0]).isEqualTo(trace.steps.size()).isEqualTo(last[1]);
        assertThat(recorder.progress).allSatisfy(progress -> assertThat(progress[0]).isLessThanOrEqualTo(progress[1]));
    }

    @Test
    void paragraphLocatorsRenderAsParagraphsInTheRequestedLanguage() {
        List<Passage> paragraphs = IntStream.rangeClosed(1, 4)
                .mapToObj(n -> new Passage("Paragraph " + n + ": the tenant shall pay the rent by the third working day of each month.",
                        Locator.paragraph(n)))
                .toList();
        SummaryRequest request = new SummaryRequest("lease.docx", paragraphs, SummaryStyle.BRIEF, Optional.of(Language.ENGLISH));

        Summary summary = summarizer(1024).summarize(request, SummaryListener.none(), () -> false);

        assertThat(summary.language()).isEqualTo(Language.ENGLISH);
        assertThat(summary.text()).containsPattern("\\(para\\. [0-9]").doesNotContain("(S. ").doesNotContain("(p. ");
        assertThat(summary.citations()).isNotEmpty().allSatisfy(locator -> {
            assertThat(locator.unit()).isEqualTo(Locator.Unit.PARAGRAPH);
            assertThat(locator.to()).isLessThanOrEqualTo(4);
        });
    }

    /** Contract: the pieces since the last textDiscarded concatenate to exactly Summary.text(). */
    @Test
    void theFinalTextStreamsInPiecesThatMakeUpTheSummary() {
        Recorder recorder = new Recorder();

        Summary summary = summarizer(1024).summarize(request(germanPages(6, 100), SummaryStyle.DETAILED), recorder, () -> false);

        assertThat(recorder.pieces.size()).isGreaterThan(5);
        assertThat(String.join("", recorder.pieces)).isEqualTo(summary.text());
        assertThat(summary.text()).startsWith("- ");
    }

    @Test
    void cancellingAfterTheFirstStepStopsTheJob() {
        Recorder recorder = new Recorder();
        Trace trace = new Trace();
        AtomicBoolean cancel = new AtomicBoolean();
        SummaryListener cancelling = new SummaryListener() {
            @Override
            public void progress(int stepsDone, int stepsTotal) {
                recorder.progress(stepsDone, stepsTotal);
                if (stepsDone >= 1) {
                    cancel.set(true);
                }
            }

            @Override
            public void text(String piece) {
                recorder.text(piece);
            }
        };

        assertThatThrownBy(() -> summarizer(1024).summarize(request(germanPages(10, 100), SummaryStyle.KEY_POINTS), cancelling, cancel::get, trace))
                .isInstanceOf(CancellationException.class);

        assertThat(trace.steps).hasSize(1);
        int[] last = recorder.progress.getLast();
        assertThat(last[0]).isEqualTo(1).isLessThan(last[1]);
        assertThat(recorder.pieces).isEmpty();
    }

    @Test
    void theSystemPromptIsDecodedOncePerJob() {
        List<Passage> pages = germanPages(9, 100);
        Trace trace = new Trace();

        Summary summary = summarizer(1024).summarize(request(pages, SummaryStyle.KEY_POINTS), SummaryListener.none(), () -> false, trace);

        String system = new SummaryPrompts(Language.GERMAN, Locator.Unit.PAGE, SummaryStyle.KEY_POINTS, "").system();
        int systemTokens = ChatPrompt.tokenize(model, List.of(Message.system(system)), false).length;
        assertThat(trace.systemTokens).isEqualTo(systemTokens);
        assertThat(trace.steps).hasSizeGreaterThanOrEqualTo(4).allSatisfy(step ->
                assertThat(step.decodedTokens()).isEqualTo(step.promptTokens() - systemTokens));
        long naive = trace.steps.stream().mapToLong(StepTrace.Step::promptTokens).sum();
        assertThat(summary.stats().totalPromptTokens())
                .isEqualTo(systemTokens + trace.steps.stream().mapToLong(StepTrace.Step::decodedTokens).sum())
                .isEqualTo(naive - (long) (trace.steps.size() - 1) * systemTokens);
    }

    @Test
    void thePlanIsTheOneTheSummaryStartsWith() {
        List<Passage> pages = germanPages(300, 80);
        Summarizer summarizer = summarizer(1024);
        Recorder recorder = new Recorder();
        Trace trace = new Trace();

        SummaryPlan plan = summarizer.plan(request(pages, SummaryStyle.BRIEF));
        Summary summary = summarizer.summarize(request(pages, SummaryStyle.BRIEF), recorder, () -> false, trace);

        assertThat(plan.parts()).isEqualTo(summary.stats().parts());
        assertThat(plan.steps()).isEqualTo(recorder.progress.getFirst()[1]);
        assertThat(plan.answerAllowance()).isEqualTo((long) plan.steps() * SummaryBudget.answerTokens(1024));
        long mapTokens = trace.systemTokens + trace.steps.stream().filter(step -> step.phase() == Phase.MAP)
                .mapToLong(StepTrace.Step::decodedTokens).sum();
        // the reduce inputs are planned at their full allowance, so the plan reads more than the map round alone
        assertThat(plan.promptTokens()).isGreaterThan(mapTokens);
    }

    @Test
    void aShortDocumentsPlanCountsTheTokensItsOneStepDecodes() {
        List<Passage> pages = germanPages(2, 100);
        Summarizer summarizer = summarizer(1024);
        Trace trace = new Trace();

        SummaryPlan plan = summarizer.plan(request(pages, SummaryStyle.BRIEF));
        summarizer.summarize(request(pages, SummaryStyle.BRIEF), SummaryListener.none(), () -> false, trace);

        assertThat(plan.parts()).isEqualTo(1);
        assertThat(plan.steps()).isEqualTo(1);
        long decoded = trace.systemTokens + trace.steps.getFirst().decodedTokens();
        // the plan counts each message at its longest instructions (of any phase), so it may read a few tokens more
        assertThat(plan.promptTokens()).isBetween(decoded, decoded + 64);
        assertThat(plan.answerAllowance()).isEqualTo(SummaryBudget.answerTokens(1024));
    }

    /** Map steps in document order, each starting where the previous ended: no page is skipped. */
    private static void assertCoversEveryPage(Summary summary, Trace trace, int pages) {
        List<Locator> mapped = trace.steps.stream().filter(step -> step.phase() == Phase.MAP).map(StepTrace.Step::range).toList();
        assertThat(mapped).hasSize(summary.stats().parts());
        assertThat(mapped.getFirst().from()).isEqualTo(1);
        assertThat(mapped.getLast().to()).isEqualTo(pages);
        for (int i = 1; i < mapped.size(); i++) {
            assertThat(mapped.get(i).from()).isBetween(mapped.get(i - 1).to(), mapped.get(i - 1).to() + 1);
        }
    }

    private static void assertWithinContext(Summary summary, Trace trace) {
        int context = summary.stats().contextLength();
        assertThat(summary.stats().maxPromptTokens()).isLessThanOrEqualTo(context - SummaryBudget.answerTokens(context))
                .isEqualTo(trace.steps.stream().mapToInt(StepTrace.Step::promptTokens).max().orElseThrow());
    }

    /** The pages a summary's rendered references "(S. 2, 4–6)" name, each once per mention. */
    static List<Integer> renderedPages(String text) {
        List<Integer> pages = new ArrayList<>();
        Matcher matcher = PAGE_REFERENCE.matcher(text);
        while (matcher.find()) {
            for (String range : matcher.group(1).split(", ")) {
                String[] ends = range.split("–");
                IntStream.rangeClosed(Integer.parseInt(ends[0]), Integer.parseInt(ends[ends.length - 1])).forEach(pages::add);
            }
        }
        return pages;
    }

    static SummaryRequest request(List<Passage> passages, SummaryStyle style) {
        return new SummaryRequest("Mietsache Müller ./. Schmidt", passages, style, Optional.empty());
    }

    /** Pages of German legal prose, each naming its own page number, at most {@code chars} long. */
    static List<Passage> germanPages(int pages, int chars) {
        return IntStream.rangeClosed(1, pages).mapToObj(page -> {
            StringBuilder text = new StringBuilder("Seite " + page + ": ");
            String[] sentences = {
                    "Der Kläger verlangt von der Beklagten die Zahlung der rückständigen Miete. ",
                    "Die Frist zur Stellungnahme endet am 15. Januar. ",
                    "Das Gericht hat den Termin zur mündlichen Verhandlung auf den 3. März bestimmt. ",
                    "Die Beklagte bestreitet den Mangel der Mietsache mit Nichtwissen. "};
            for (int i = page; text.length() < chars; i++) {
                text.append(sentences[i % sentences.length]);
            }
            return new Passage(text.substring(0, text.lastIndexOf(" ", chars)), Locator.page(page));
        }).toList();
    }

    static final class Recorder implements SummaryListener {
        final List<int[]> progress = new ArrayList<>();
        final List<String> pieces = new ArrayList<>();
        int discarded;

        @Override
        public void progress(int stepsDone, int stepsTotal) {
            progress.add(new int[] {stepsDone, stepsTotal});
        }

        @Override
        public void text(String piece) {
            pieces.add(piece);
        }

        @Override
        public void textDiscarded() {
            discarded++;
            pieces.clear();
        }
    }

    static final class Trace implements StepTrace {
        final List<Step> steps = new ArrayList<>();
        int systemTokens;

        @Override
        public void systemPrompt(int tokens) {
            systemTokens = tokens;
        }

        @Override
        public void step(Step step) {
            steps.add(step);
        }
    }
}
