package org.hearth.assistant.task.summary;

import java.util.Objects;
import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;
import org.hearth.assistant.engine.Engine;
import org.hearth.assistant.engine.PromptSeries;
import org.hearth.domain.Language;
import org.hearth.domain.LanguageDetector;

/**
 * Summarises a whole document of any length with page (or paragraph) references that are real by
 * construction.
 *
 * <p>The document is split by the model's token budget into parts; each part is summarised into
 * findings (map), findings are condensed level by level until they fit one prompt (reduce), and
 * the final answer is streamed. Every answer is JSON under a schema whose reference fields can
 * only take the numbers present in that step's input, so a reference can never point at a page
 * the text did not come from. One prompt series serves the whole job, so an engine with prefix
 * reuse decodes the fixed system prompt once. Prompts plus their answer allowance always fit the
 * engine's context.
 *
 * <p>Thread-safe: each call opens its own series.
 */
public final class Summarizer {

    private final Engine engine;

    public Summarizer(Engine engine) {
        this.engine = Objects.requireNonNull(engine, "engine");
    }

    /**
     * @param listener  progress over all steps and the final text as it is written (see {@link SummaryListener})
     * @param cancelled checked between and inside steps
     * @throws CancellationException when {@code cancelled} became true
     * @throws org.hearth.assistant.engine.EngineException when the context is too small, or a step's answer
     *                                                    was cut off twice (the message names its pages)
     */
    public Summary summarize(SummaryRequest request, SummaryListener listener, BooleanSupplier cancelled) {
        return summarize(request, listener, cancelled, StepTrace.none());
    }

    /**
     * The plan {@link #summarize} would start this request with, without calling the model: its parts, steps and
     * tokens, for estimating how long the summary takes. Counts the whole text's tokens, so it takes a moment on a
     * long document.
     *
     * @throws org.hearth.assistant.engine.EngineException when the context is too small to summarise in
     */
    public SummaryPlan plan(SummaryRequest request) {
        SummaryPrompts prompts = prompts(request, language(request));
        SummaryBudget budget = new SummaryBudget(request, prompts, engine);
        return budget.plan(PartSplitter.split(request.passages(), prompts, engine::count, budget.inputBudget));
    }

    Summary summarize(SummaryRequest request, SummaryListener listener, BooleanSupplier cancelled, StepTrace trace) {
        if (cancelled.getAsBoolean()) {
            throw new CancellationException("Cancelled");
        }
        Language language = language(request);
        SummaryPrompts prompts = prompts(request, language);
        try (PromptSeries series = engine.series(prompts.system(), 1, cancelled)) {
            SummaryJob job = new SummaryJob(request, language, prompts, engine, series, listener, trace);
            trace.systemPrompt(job.systemTokens());
            return job.run();
        }
    }

    private static Language language(SummaryRequest request) {
        return request.language().orElseGet(() -> LanguageDetector.detect(request.passages().stream().map(Passage::text).toList()));
    }

    private static SummaryPrompts prompts(SummaryRequest request, Language language) {
        return new SummaryPrompts(language, request.unit(), request.style(), request.title());
    }
}
