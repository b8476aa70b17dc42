package org.hearth.assistant.task.triage;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.BooleanSupplier;
import org.hearth.assistant.engine.Completion;
import org.hearth.assistant.engine.CompletionListener;
import org.hearth.assistant.engine.Engine;
import org.hearth.assistant.engine.EngineRequest;
import org.hearth.assistant.engine.Message;
import org.hearth.assistant.engine.PromptSeries;
import org.hearth.assistant.engine.Sampling;
import org.hearth.assistant.engine.Usage;
import org.hearth.assistant.task.StructuredOutput;
import org.hearth.domain.Language;

/**
 * Triages mails: one mail per prompt, schema-only answers, no tools.
 *
 * <p>All mails share one prompt series for the system prompt (instructions and the user's
 * corrections), so an engine with prefix reuse decodes it once; a new series is opened only when
 * the corrections change. An engine with several parallel sequences triages that many mails at
 * once: locally their prompts and then their next tokens share each decode, which keeps the CPU's
 * matrix units busy where one sequence's single token would not. Not thread-safe; one run at a time.
 */
public final class Triager implements AutoCloseable {

    /** Room left at the end of each sequence so the answer never runs into the wall. */
    static final int MARGIN = 16;

    /**
     * @param maxBodyTokens   the most tokens of a mail's body the model sees; longer bodies are cut with a marker
     * @param maxAnswerTokens the most tokens an answer may have (the schema's caps normally end it sooner)
     */
    public record Limits(int maxBodyTokens, int maxAnswerTokens) {
        public Limits {
            if (maxBodyTokens < 16 || maxAnswerTokens < 16) {
                throw new IllegalArgumentException("limits must be at least 16 tokens");
            }
        }

        public static Limits defaults() {
            return new Limits(1500, 1200);
        }
    }

    /**
     * What the runs so far cost.
     *
     * @param prefixComputations  how often the system prompt was decoded
     * @param promptTokensDecoded prompt tokens decoded, the system prompt's included each time it was computed
     * @param decodes             model calls, the system prompt's included (locally each carries tokens of every busy sequence)
     */
    public record Stats(int prefixComputations, long promptTokensDecoded, long generatedTokens, int mails, long decodes) {
    }

    /** The exact prompt of one mail, e.g. to show the user what the model saw or to run it elsewhere. */
    public record Prompt(String system, String user) {
    }

    private final Engine engine;
    private final TriagePrompts prompts;
    private final Limits limits;
    private final StructuredOutput output = TriageSchema.output();
    private PromptSeries series;
    private String seriesSystem;
    /** The series outlives a run; it checks the cancel signal of whichever run is current. */
    private BooleanSupplier runCancelled = () -> false;
    private Usage closedSeries = Usage.NONE;
    private int prefixComputations;
    private int mails;

    public Triager(Engine engine, Language userLanguage) {
        this(engine, userLanguage, Limits.defaults());
    }

    /** Runs as many mails at once as the engine has parallel sequences. */
    public Triager(Engine engine, Language userLanguage, Limits limits) {
        this.engine = Objects.requireNonNull(engine, "engine");
        this.prompts = new TriagePrompts(Objects.requireNonNull(userLanguage, "userLanguage"));
        this.limits = Objects.requireNonNull(limits, "limits");
    }

    /**
     * Triages {@code mails} in order of submission (they may finish in another order).
     *
     * @param examples  the user's corrections, shown to the model; a changed list recomputes the system prompt once
     * @param listener  hears each outcome as its mail finishes, and progress
     * @param cancelled checked between steps and during prompt decodes; mails not finished are left out
     * @return the outcomes of the mails that finished, in the order they finished
     */
    public List<TriageOutcome> triage(List<TriageMail> mails, List<TriageExample> examples, TriageListener listener,
                                      BooleanSupplier cancelled) {
        runCancelled = cancelled;
        String system = prompts.system(examples);
        List<EngineRequest> requests = mails.stream()
                .map(mail -> EngineRequest.structured(userMessage(mail, system), output.schema(), Sampling.greedy(),
                        limits.maxAnswerTokens()))
                .toList();
        List<TriageOutcome> outcomes = new ArrayList<>();
        seriesFor(system).completeAll(requests, new CompletionListener() {
            @Override
            public void onCompletion(int index, Completion completion) {
                TriageOutcome outcome = outcome(mails.get(index).uid(), completion);
                outcomes.add(outcome);
                listener.onOutcome(outcome);
            }

            @Override
            public void onProgress(int done, int total) {
                listener.onProgress(done, total);
            }
        });
        this.mails += outcomes.size();
        return outcomes;
    }

    /** The prompt this triager gives the model for {@code mail}, body already cut to fit. */
    public Prompt prompt(TriageMail mail, List<TriageExample> examples) {
        String system = prompts.system(examples);
        return new Prompt(system, userMessage(mail, system));
    }

    /** The prompt's tokens as the engine counts them (system turn, user turn, assistant start). */
    public int promptTokens(TriageMail mail, List<TriageExample> examples) {
        Prompt prompt = prompt(mail, examples);
        return engine.count(List.of(Message.system(prompt.system()), Message.user(prompt.user())), true);
    }

    public Stats stats() {
        Usage usage = series == null ? closedSeries : closedSeries.plus(series.usage());
        return new Stats(prefixComputations, usage.promptTokensDecoded(), usage.generatedTokens(), mails, usage.modelCalls());
    }

    /** Tokens each sequence holds: system prompt, mail and answer must fit in this. */
    public int sequenceLength() {
        return engine.capabilities().contextLength();
    }

    private PromptSeries seriesFor(String system) {
        if (series == null || !seriesSystem.equals(system)) {
            closeSeries();
            series = engine.series(system, engine.capabilities().parallelSequences(), () -> runCancelled.getAsBoolean());
            seriesSystem = system;
            prefixComputations++;
        }
        return series;
    }

    private TriageOutcome outcome(String uid, Completion completion) {
        int tokens = (int) completion.usage().generatedTokens();
        try {
            return TriageOutcome.ok(uid, TriageResult.fromJson(output.parseAndValidate(completion)), completion.text(), tokens);
        } catch (StructuredOutput.InvalidStructuredOutputException e) {
            return TriageOutcome.failed(uid, e.getMessage(), completion.text(), tokens);
        }
    }

    // The body gets whatever the sequence has left after the system prompt, the mail's headers and
    // the answer, so every prompt fits however long the mail is.
    private String userMessage(TriageMail mail, String system) {
        int sequenceLength = sequenceLength();
        int withoutBody = engine.count(List.of(Message.system(system), Message.user(prompts.user(mail, ""))), true);
        int budget = Math.min(limits.maxBodyTokens(), sequenceLength - withoutBody - limits.maxAnswerTokens() - MARGIN);
        if (budget < 16) {
            throw new IllegalStateException("The context of " + sequenceLength + " tokens per sequence is too small for the "
                    + "triage prompt (" + withoutBody + " tokens) and an answer of " + limits.maxAnswerTokens());
        }
        return prompts.user(mail, engine.cut(mail.bodyText(), budget, prompts.truncationMarker()));
    }

    private void closeSeries() {
        if (series != null) {
            closedSeries = closedSeries.plus(series.usage());
            series.close();
            series = null;
        }
    }

    @Override
    public void close() {
        closeSeries();
    }
}
