package org.hearth.assistant.task.summary;

import java.util.List;
import org.hearth.assistant.engine.Usage;
import org.hearth.domain.Language;
import org.hearth.domain.Locator;

/**
 * A finished summary.
 *
 * @param text      the rendered summary, references written as "(S. 12–14)" / "(p. 12–14)" or
 *                  "(Abs. 3–5)" / "(para. 3–5)"
 * @param citations the locators the text cites, merged into ranges, in document order
 */
public record Summary(String text, Language language, List<Locator> citations, Stats stats) {

    public Summary {
        citations = List.copyOf(citations);
    }

    /**
     * What the job cost.
     *
     * @param parts             map parts the document was split into (each one was read by the model)
     * @param levels            rounds of model calls: the map round, each reduce round, the final answer
     *                          (1 when the whole document fits one prompt)
     * @param maxPromptTokens   the longest prompt of any step, system prompt included
     * @param totalPromptTokens tokens actually decoded over the job: the shared system prompt once,
     *                          plus each step's own tokens (retries count again)
     * @param contextLength     the context the job ran in; every prompt plus its answer allowance fits it
     * @param usage             the engine's account of the job: tokens and time, for measuring its speed
     */
    public record Stats(int parts, int levels, int maxPromptTokens, long totalPromptTokens, int contextLength, Usage usage) {
    }
}
