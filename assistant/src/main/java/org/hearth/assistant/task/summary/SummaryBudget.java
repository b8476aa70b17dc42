package org.hearth.assistant.task.summary;

import java.util.ArrayList;
import java.util.List;
import org.hearth.assistant.engine.Engine;
import org.hearth.assistant.engine.EngineException;
import org.hearth.assistant.engine.Message;

/**
 * How a job divides the engine's context: the system prompt, each message's fixed text, the answer
 * allowance and what is left for the document's text. Shared by the job and its plan, so the plan
 * shown before a summary starts is the arithmetic the summary then runs on.
 */
final class SummaryBudget {

    /** Room left unused at the end of the context, so generation never runs into the wall. */
    static final int MARGIN = 8;

    final int contextLength;
    final int systemTokens;
    /** Tokens of a message's own text around its input: instructions, chat template, the answer's start. */
    final int messageOverhead;
    final int answerTokens;
    final int inputBudget;
    final double tokensPerChar;

    SummaryBudget(SummaryRequest request, SummaryPrompts prompts, Engine engine) {
        this.contextLength = engine.capabilities().contextLength();
        this.systemTokens = engine.count(List.of(Message.system(prompts.system())), false);
        this.answerTokens = answerTokens(contextLength);
        int largestNumber = request.passages().getLast().locator().to();
        this.messageOverhead = engine.count(List.of(Message.system(prompts.system()),
                Message.user(prompts.longestMessageAround("", largestNumber))), true) - systemTokens;
        int fixed = systemTokens + messageOverhead + answerTokens + MARGIN;
        this.inputBudget = contextLength - fixed;
        if (inputBudget < 2 * answerTokens) {
            // below this the reduce levels would not shrink the findings fast enough, or at all
            throw new EngineException("A context of " + contextLength + " tokens is too small to summarise in: instructions and one answer take "
                    + fixed + "; use at least " + (fixed + 2 * answerTokens) + " tokens");
        }
        this.tokensPerChar = (double) systemTokens / prompts.system().length();
    }

    /** Tokens each step may answer with: an eighth of the context, enough for a part's findings, leaves most for the text. */
    static int answerTokens(int contextLength) {
        return Math.clamp(contextLength / 8, 64, 1536);
    }

    /** Steps still to come after a round that produced {@code outputs} answers: reduce rounds (estimated) and the final one. */
    int stepsAfter(int outputs) {
        return 1 + reduceRounds(outputs).stream().mapToInt(Integer::intValue).sum();
    }

    /** The steps of each reduce round after a round of {@code outputs} answers, each answer taken at its full allowance. */
    private List<Integer> reduceRounds(int outputs) {
        List<Integer> rounds = new ArrayList<>();
        for (int count = outputs; (long) count * answerTokens > inputBudget; ) {
            count = (int) Math.ceilDiv((long) count * answerTokens, inputBudget);
            rounds.add(count);
        }
        return rounds;
    }

    /**
     * The whole job as the summary would start it: its parts are what the map round reads, and the reduce
     * rounds after it are sized as {@link #stepsAfter} sizes them, each reading its inputs' full answers.
     */
    SummaryPlan plan(List<Part> parts) {
        long textTokens = parts.stream().flatMap(part -> part.slices().stream()).mapToLong(Part.Slice::tokens).sum();
        long promptTokens = systemTokens + (long) parts.size() * messageOverhead + textTokens;
        if (parts.size() == 1) {
            return new SummaryPlan(1, 1, promptTokens, answerTokens);
        }
        int steps = parts.size() + 1;
        int inputs = parts.size();
        for (int round : reduceRounds(parts.size())) {
            promptTokens += (long) inputs * answerTokens + (long) round * messageOverhead;
            steps += round;
            inputs = round;
        }
        promptTokens += (long) inputs * answerTokens + messageOverhead;
        return new SummaryPlan(parts.size(), steps, promptTokens, (long) steps * answerTokens);
    }
}
