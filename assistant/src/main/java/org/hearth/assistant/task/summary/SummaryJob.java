package org.hearth.assistant.task.summary;

import java.util.ArrayList;
import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.concurrent.CancellationException;
import org.hearth.assistant.engine.Completion;
import org.hearth.assistant.engine.Engine;
import org.hearth.assistant.engine.EngineException;
import org.hearth.assistant.engine.EngineRequest;
import org.hearth.assistant.engine.Message;
import org.hearth.assistant.engine.PromptSeries;
import org.hearth.assistant.engine.Sampling;
import org.hearth.assistant.engine.TextListener;
import org.hearth.assistant.task.StructuredOutput;
import org.hearth.assistant.task.StructuredOutput.InvalidStructuredOutputException;
import org.hearth.domain.Language;
import org.hearth.domain.Locator;

/**
 * One summary, map-reduce style: every part of the document is summarised into findings (map);
 * findings are condensed group by group, level after level, until they fit one prompt (reduce);
 * from those the final answer is written and streamed. A document that fits one prompt is
 * answered in a single step.
 */
final class SummaryJob {

    private final SummaryRequest request;
    private final Language language;
    private final SummaryPrompts prompts;
    private final Engine engine;
    private final PromptSeries series;
    private final SummaryBudget budget;
    private final int contextLength;
    private final SummaryListener listener;
    private final StepTrace trace;
    private final int answerTokens;
    private final int inputBudget;
    private final double tokensPerChar;
    private int stepsDone;
    private int stepsTotal;
    private int levels;
    private int longestPrompt;

    /** A finding as it goes into a reduce prompt. */
    private record Line(Finding finding, String text, int tokens) {
    }

    private record Outcome(List<Finding> findings, String text) {
    }

    SummaryJob(SummaryRequest request, Language language, SummaryPrompts prompts, Engine engine, PromptSeries series,
               SummaryListener listener, StepTrace trace) {
        this.request = request;
        this.language = language;
        this.prompts = prompts;
        this.engine = engine;
        this.series = series;
        this.listener = listener;
        this.trace = trace;
        this.budget = new SummaryBudget(request, prompts, engine);
        this.contextLength = budget.contextLength;
        this.answerTokens = budget.answerTokens;
        this.inputBudget = budget.inputBudget;
        this.tokensPerChar = budget.tokensPerChar;
    }

    int systemTokens() {
        return budget.systemTokens;
    }

    Summary run() {
        List<Passage> passages = request.passages();
        List<Part> parts = PartSplitter.split(passages, prompts, engine::count, inputBudget);
        levels = 1;
        if (parts.size() == 1) {
            stepsTotal = 1;
            report();
            Part part = parts.getFirst();
            Outcome outcome = step(Phase.FINAL, part.range(passages), prompts.textMessage(Phase.FINAL, part.range(passages),
                    part.blocks(passages, prompts)), part.numbers(passages));
            return summary(finished(outcome), parts.size());
        }
        stepsTotal = parts.size() + budget.stepsAfter(parts.size());
        report();
        List<Finding> findings = new ArrayList<>();
        for (Part part : parts) {
            Locator range = part.range(passages);
            findings.addAll(step(Phase.MAP, range, prompts.textMessage(Phase.MAP, range, part.blocks(passages, prompts)),
                    part.numbers(passages)).findings());
            stepsDone++;
            report();
        }
        int previousGroups = parts.size();
        while (true) {
            List<List<Line>> groups = PartSplitter.pack(findings.stream().map(this::line).toList(), Line::tokens, inputBudget);
            levels++;
            if (groups.isEmpty()) {
                return summary(nothingFound(), parts.size());
            }
            if (groups.size() == 1) {
                stepsTotal = stepsDone + 1;
                report();
                return summary(finished(findingsStep(Phase.FINAL, groups.getFirst())), parts.size());
            }
            if (groups.size() >= previousGroups) {
                throw new EngineException("The findings do not get shorter from one reduce level to the next ("
                        + groups.size() + " groups); the context of " + contextLength + " tokens is too small");
            }
            stepsTotal = stepsDone + groups.size() + budget.stepsAfter(groups.size());
            report();
            List<Finding> condensed = new ArrayList<>();
            for (List<Line> group : groups) {
                condensed.addAll(findingsStep(Phase.REDUCE, group).findings());
                stepsDone++;
                report();
            }
            findings = condensed;
            previousGroups = groups.size();
        }
    }

    private Outcome findingsStep(Phase phase, List<Line> group) {
        SortedSet<Integer> numbers = new TreeSet<>();
        StringBuilder lines = new StringBuilder();
        for (Line line : group) {
            numbers.addAll(line.finding().refs());
            lines.append(line.text());
        }
        Locator range = new Locator(request.unit(), numbers.first(), numbers.last());
        return step(phase, range, prompts.findingsMessage(phase, range, lines.toString()), numbers);
    }

    /**
     * One model call, and a second with half the answer's size if the first was cut off. Only the
     * final step streams; its text comes from the same renderer that streams it.
     */
    private Outcome step(Phase phase, Locator range, String message, SortedSet<Integer> citable) {
        AnswerFormat format = AnswerFormat.fitting(request.style(), phase, request.unit(), citable, answerTokens, tokensPerChar);
        InvalidStructuredOutputException failure = null;
        for (int attempt = 0; attempt < 2; attempt++, format = format.smaller()) {
            StructuredOutput output = StructuredOutput.fromSchema(format.schema());
            StringBuilder text = new StringBuilder();
            AnswerRenderer renderer = new AnswerRenderer(format.shape(), request.unit(), language, piece -> {
                text.append(piece);
                listener.text(piece);
            });
            TextListener stream = phase == Phase.FINAL ? new AnswerScanner(renderer)::feed : TextListener.ignore();
            if (attempt > 0 && phase == Phase.FINAL) {
                listener.textDiscarded();
            }
            Completion answer = series.complete(EngineRequest.structured(message, output.schema(), Sampling.defaults(), answerTokens), stream);
            if (answer.cancelled()) {
                throw new CancellationException("Cancelled");
            }
            int promptTokens = (int) answer.usage().promptTokens();
            longestPrompt = Math.max(longestPrompt, promptTokens);
            trace.step(new StepTrace.Step(phase, levels, range, promptTokens, (int) answer.usage().promptTokensDecoded()));
            try {
                List<Finding> findings = format.findings(output.parseAndValidate(answer));
                if (phase == Phase.FINAL) {
                    renderer.finish();
                }
                return new Outcome(findings, text.toString());
            } catch (InvalidStructuredOutputException e) {
                failure = e;
            }
        }
        throw new EngineException("The model could not summarise " + References.render(List.of(range.from(), range.to()), request.unit(), language)
                + " even with a shorter answer: " + failure.getMessage(), failure);
    }

    private Outcome nothingFound() {
        StringBuilder text = new StringBuilder();
        new AnswerRenderer(AnswerShape.of(request.style()), request.unit(), language, piece -> {
            text.append(piece);
            listener.text(piece);
        }).finish();
        stepsTotal = stepsDone;
        report();
        return new Outcome(List.of(), text.toString());
    }

    private Line line(Finding finding) {
        String text = prompts.findingLine(finding);
        return new Line(finding, text, engine.count(text));
    }

    private void report() {
        stepsTotal = Math.max(stepsTotal, stepsDone);
        listener.progress(stepsDone, stepsTotal);
    }

    private Outcome finished(Outcome finalStep) {
        stepsDone++;
        report();
        return finalStep;
    }

    private Summary summary(Outcome outcome, int parts) {
        List<Integer> cited = outcome.findings().stream().flatMap(finding -> finding.refs().stream()).toList();
        Summary.Stats stats = new Summary.Stats(parts, levels, longestPrompt, series.usage().promptTokensDecoded(), contextLength, series.usage());
        return new Summary(outcome.text(), language, References.merge(cited, request.unit()), stats);
    }
}
