package org.hearth.assistant.task.summary;

import java.util.Objects;
import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;
import org.hearth.assistant.llama.ContextOptions;
import org.hearth.assistant.llama.LlamaModel;
import org.hearth.domain.Language;
import org.hearth.domain.LanguageDetector;

/**
 * Summarises a whole document of any length with page (or paragraph) references that are real by
 * construction.
 *
 * <p>The document is split by the model's token budget into parts; each part is summarised into
 * findings (map), findings are condensed level by level until they fit one prompt (reduce), and
 * the final answer is streamed. Every answer is JSON under a grammar whose reference fields can
 * only take the numbers present in that step's input, so a reference can never point at a page
 * the text did not come from. One context serves the whole job; the fixed system prompt is
 * decoded once and its state restored for every step. Prompts plus their answer allowance always
 * fit the context.
 *
 * <p>Thread-safe: each call uses its own context; the model is shared.
 */
public final class Summarizer {

    private final LlamaModel model;
    private final ContextOptions contextOptions;

    /** @param contextOptions context length (capped at the model's trained length) and threads for each job */
    public Summarizer(LlamaModel model, ContextOptions contextOptions) {
        this.model = Objects.requireNonNull(model, "model");
        this.contextOptions = Objects.requireNonNull(contextOptions, "contextOptions");
    }

    /**
     * @param listener  progress over all steps and the final text as it is written (see {@link SummaryListener})
     * @param cancelled checked between and inside steps
     * @throws CancellationException when {@code cancelled} became true
     * @throws org.hearth.assistant.llama.LlamaException when the context is too small, or a step's answer
     *                                                   was cut off twice (the message names its pages)
     */
    public Summary summarize(SummaryRequest request, SummaryListener listener, BooleanSupplier cancelled) {
        return summarize(request, listener, cancelled, StepTrace.none());
    }

    Summary summarize(SummaryRequest request, SummaryListener listener, BooleanSupplier cancelled, StepTrace trace) {
        if (cancelled.getAsBoolean()) {
            throw new CancellationException("Cancelled");
        }
        Language language = request.language().orElseGet(() -> LanguageDetector.detect(request.passages().stream().map(Passage::text).toList()));
        SummaryPrompts prompts = new SummaryPrompts(language, request.unit(), request.style(), request.title());
        try (PromptRunner runner = new PromptRunner(model, contextOptions, prompts.system(), cancelled)) {
            trace.systemPrompt(runner.systemTokens());
            return new SummaryJob(request, language, prompts, runner, listener, trace).run();
        }
    }
}
