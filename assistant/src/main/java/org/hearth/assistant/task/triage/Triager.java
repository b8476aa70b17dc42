package org.hearth.assistant.task.triage;

import java.util.List;
import java.util.Objects;
import java.util.function.BooleanSupplier;
import org.hearth.assistant.llama.Batch;
import org.hearth.assistant.llama.ChatMessage;
import org.hearth.assistant.llama.ContextOptions;
import org.hearth.assistant.llama.Generator;
import org.hearth.assistant.llama.LlamaContext;
import org.hearth.assistant.llama.LlamaModel;
import org.hearth.assistant.task.ChatPrompt;
import org.hearth.assistant.task.SystemPrefix;
import org.hearth.domain.Language;

/**
 * Triages mails with the local model: one mail per prompt, schema-only answers, no tools.
 *
 * <p>The system prompt (instructions and the user's corrections) is decoded once and its state
 * restored for every mail; it is recomputed only when the corrections change. A context with
 * several sequences ({@link ContextOptions#withSequences}) triages that many mails at once: their
 * prompts and then their next tokens share each decode, which keeps the CPU's matrix units busy
 * where one sequence's single token would not. Not thread-safe; one run at a time.
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
     * @param decodes             model calls for the mails (each carries tokens of every busy sequence)
     */
    public record Stats(int prefixComputations, long promptTokensDecoded, long generatedTokens, int mails, long decodes) {
    }

    /** The exact prompt of one mail, e.g. to show the user what the model saw or to run it elsewhere. */
    public record Prompt(String system, String user) {
    }

    private final LlamaModel model;
    private final TriagePrompts prompts;
    private final Limits limits;
    private final LlamaContext context;
    private final Generator prefixGenerator;
    private final Batch batch;
    private final int sequenceLength;
    private SystemPrefix prefix;
    private int prefixComputations;
    private long promptTokensDecoded;
    private long generatedTokens;
    private int mails;
    private long decodes;

    public Triager(LlamaModel model, ContextOptions options, Language userLanguage) {
        this(model, options, userLanguage, Limits.defaults());
    }

    /** @param options its context length is shared by its sequences: each holds {@code contextLength / sequences} */
    public Triager(LlamaModel model, ContextOptions options, Language userLanguage, Limits limits) {
        this.model = Objects.requireNonNull(model, "model");
        this.prompts = new TriagePrompts(Objects.requireNonNull(userLanguage, "userLanguage"));
        this.limits = Objects.requireNonNull(limits, "limits");
        int sequences = options.sequences();
        int perSequence = options.contextLength() / sequences;
        int trained = model.info().trainedContextLength();
        if (trained > 0) {
            perSequence = Math.min(perSequence, trained);
        }
        // One decode should carry every sequence's prompt at once; llama.cpp still computes it in
        // micro-batches of at most 512 tokens, so a large batch costs no extra memory for activations.
        int batchSize = Math.max(options.batchSize(), Math.min(4096, sequences * 512));
        this.context = model.newContext(options.withContextLength(perSequence * sequences).withBatchSize(batchSize));
        try {
            this.sequenceLength = context.contextLength() / sequences;
            this.prefixGenerator = new Generator(context);
            this.batch = new Batch(batchSize);
        } catch (RuntimeException e) {
            context.close();
            throw e;
        }
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
        SystemPrefix current = prefixFor(examples, cancelled);
        BatchedRun run = new BatchedRun(model, context, batch, current, this::userMessage, sequenceLength,
                limits.maxAnswerTokens(), listener, cancelled);
        List<TriageOutcome> outcomes = run.run(mails);
        promptTokensDecoded += run.promptTokensDecoded();
        generatedTokens += run.generatedTokens();
        decodes += run.decodes();
        this.mails += outcomes.size();
        return outcomes;
    }

    /** The prompt this triager gives the model for {@code mail}, body already cut to fit. */
    public Prompt prompt(TriageMail mail, List<TriageExample> examples) {
        String system = prompts.system(examples);
        return new Prompt(system, userMessage(mail, system));
    }

    /** The prompt's tokens as decoded (system turn, user turn, assistant start). */
    public int[] promptTokens(TriageMail mail, List<TriageExample> examples) {
        Prompt prompt = prompt(mail, examples);
        return ChatPrompt.tokenize(model, List.of(ChatMessage.system(prompt.system()), ChatMessage.user(prompt.user())), true);
    }

    public Stats stats() {
        return new Stats(prefixComputations, promptTokensDecoded, generatedTokens, mails, decodes);
    }

    /** Tokens each sequence holds: system prompt, mail and answer must fit in this. */
    public int sequenceLength() {
        return sequenceLength;
    }

    private SystemPrefix prefixFor(List<TriageExample> examples, BooleanSupplier cancelled) {
        String system = prompts.system(examples);
        if (prefix == null || !prefix.system().equals(system)) {
            prefix = SystemPrefix.compute(model, context, prefixGenerator, 0, system, cancelled);
            prefixComputations++;
            promptTokensDecoded += prefix.tokenCount();
        }
        return prefix;
    }

    // The body gets whatever the sequence has left after the system prompt, the mail's headers and
    // the answer, so every prompt fits however long the mail is.
    private String userMessage(TriageMail mail, String system) {
        int withoutBody = ChatPrompt.tokenize(model, List.of(ChatMessage.system(system), ChatMessage.user(prompts.user(mail, ""))), true).length;
        int budget = Math.min(limits.maxBodyTokens(), sequenceLength - withoutBody - limits.maxAnswerTokens() - MARGIN);
        if (budget < 16) {
            throw new IllegalStateException("The context of " + sequenceLength + " tokens per sequence is too small for the "
                    + "triage prompt (" + withoutBody + " tokens) and an answer of " + limits.maxAnswerTokens());
        }
        return prompts.user(mail, BodyBudget.cut(model, mail.bodyText(), budget, prompts.truncationMarker()));
    }

    private String userMessage(TriageMail mail) {
        return userMessage(mail, prefix.system());
    }

    @Override
    public void close() {
        try {
            batch.close();
            prefixGenerator.close();
        } finally {
            context.close();
        }
    }
}
