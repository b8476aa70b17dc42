package org.hearth.assistant.task.answer;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;
import java.util.function.ToIntFunction;
import org.hearth.assistant.llama.ChatMessage;
import org.hearth.assistant.llama.ContextOptions;
import org.hearth.assistant.llama.GenerationResult;
import org.hearth.assistant.llama.Generator;
import org.hearth.assistant.llama.LlamaContext;
import org.hearth.assistant.llama.LlamaException;
import org.hearth.assistant.llama.LlamaModel;
import org.hearth.assistant.llama.Sampler;
import org.hearth.assistant.llama.SamplingOptions;
import org.hearth.assistant.llama.StopReason;
import org.hearth.assistant.task.ChatPrompt;
import org.hearth.assistant.task.StructuredOutput;
import org.hearth.assistant.task.StructuredOutput.InvalidStructuredOutputException;
import org.hearth.domain.Language;
import org.hearth.domain.LanguageDetector;

/**
 * Answers a question from numbered sources that search found, with citations that are real by
 * construction.
 *
 * <p>The sources go into the prompt fenced as data, best first, as many as fit the context next to
 * the answer's allowance. The answer is JSON under a grammar: whether the model refuses, the text
 * citing sources as [n], and per citation the source's number (an enum of exactly the numbers in
 * the prompt) with a quote the caller checks with {@link QuoteCheck}. The text streams to the
 * listener as it is written; markers in it that name no source of the prompt are dropped.
 *
 * <p>Thread-safe: each call uses its own context; the model is shared.
 */
public final class Answerer {

    /** Room left unused at the end of the context, so generation never runs into the wall. */
    static final int MARGIN = 16;

    private final LlamaModel model;
    private final ContextOptions options;
    private final SamplingOptions sampling;

    /** @param options context length (capped at the model's trained length) and threads for each answer */
    public Answerer(LlamaModel model, ContextOptions options) {
        this(model, options, SamplingOptions.defaults());
    }

    /** @param sampling how tokens are chosen; its grammar is replaced by the answer's */
    public Answerer(LlamaModel model, ContextOptions options, SamplingOptions sampling) {
        this.model = Objects.requireNonNull(model, "model");
        this.options = Objects.requireNonNull(options, "options");
        this.sampling = Objects.requireNonNull(sampling, "sampling");
    }

    /**
     * Answers in the language the question is written in; otherwise as
     * {@link #answer(String, List, Language, AnswerListener, BooleanSupplier)}.
     */
    public Answer answer(String question, List<Source> sources, AnswerListener listener, BooleanSupplier cancelled) {
        return answer(question, sources, LanguageDetector.ofQuestion(requireQuestion(question)), listener, cancelled);
    }

    /**
     * @param sources   the passages search found, best first, with distinct numbers; none gives
     *                  {@link Answer#nothingFound} without running the model
     * @param language  the language of the instructions and the answer
     * @param listener  the answer's text as it is written (see {@link AnswerListener})
     * @param cancelled checked before the model runs, during the prompt's decode and between tokens
     * @throws CancellationException when {@code cancelled} became true
     * @throws org.hearth.assistant.llama.ContextFullException when the question alone does not fit the context
     * @throws LlamaException when the answer was cut off twice, or the context is too small for an answer
     */
    public Answer answer(String question, List<Source> sources, Language language, AnswerListener listener,
                         BooleanSupplier cancelled) {
        requireQuestion(question);
        requireDistinctNumbers(sources);
        Objects.requireNonNull(language, "language");
        if (cancelled.getAsBoolean()) {
            throw new CancellationException("Cancelled");
        }
        if (sources.isEmpty()) {
            Answer nothing = Answer.nothingFound(language);
            listener.text(nothing.text());
            return nothing;
        }
        return run(plan(question, sources, language), listener, cancelled);
    }

    /**
     * What the model is given for a question: the prompt, the sources that fit and the answer's format.
     *
     * @param contextLength the context the prompt and the answer's allowance fit in
     */
    record Plan(String system, String user, int[] tokens, List<Source> sources, AnswerFormat format, int answerTokens,
                int contextLength, Language language) {
    }

    Plan plan(String question, List<Source> sources, Language language) {
        AnswerPrompts prompts = new AnswerPrompts(language);
        String system = prompts.system();
        int trained = model.info().trainedContextLength();
        int contextLength = trained > 0 ? Math.min(options.contextLength(), trained) : options.contextLength();
        int answerTokens = answerTokens(contextLength);
        ToIntFunction<List<Source>> promptTokens = given -> tokens(system, prompts.user(question, given)).length;
        List<Source> fitted = SourceBudget.fit(List.copyOf(sources), contextLength - answerTokens - MARGIN, promptTokens,
                prompts.truncationMarker());
        String user = prompts.user(question, fitted);
        double tokensPerChar = (double) model.tokenize(system, false, false).length / system.length();
        AnswerFormat format = AnswerFormat.fitting(new TreeSet<>(numbers(fitted)), answerTokens, tokensPerChar);
        return new Plan(system, user, tokens(system, user), fitted, format, answerTokens, contextLength, language);
    }

    /** Tokens the answer may have: a quarter of the context, enough for the capped JSON, leaves most for the sources. */
    static int answerTokens(int contextLength) {
        return Math.clamp(contextLength / 4, 128, 1536);
    }

    /** One attempt, and a second with half the answer's size if the first was cut off. */
    private Answer run(Plan plan, AnswerListener listener, BooleanSupplier cancelled) {
        int contextLength = Math.min(plan.contextLength(), plan.tokens().length + plan.answerTokens() + MARGIN);
        try (LlamaContext context = model.newContext(options.withContextLength(contextLength).withSequences(1));
             Generator generator = new Generator(context)) {
            AnswerFormat format = plan.format();
            InvalidStructuredOutputException failure = null;
            for (int attempt = 0; attempt < 2; attempt++, format = format.smaller()) {
                if (attempt > 0) {
                    listener.textDiscarded();
                }
                StructuredOutput output = StructuredOutput.fromSchema(format.schema());
                StringBuilder text = new StringBuilder();
                CitationMarkers markers = new CitationMarkers(format.citable(), piece -> {
                    text.append(piece);
                    listener.text(piece);
                });
                AnswerTextScanner scanner = new AnswerTextScanner(new AnswerTextScanner.Events() {
                    @Override
                    public void text(String piece) {
                        markers.accept(piece);
                    }

                    @Override
                    public void end() {
                        markers.finish();
                    }
                });
                GenerationResult result;
                try (Sampler sampler = Sampler.create(model, sampling.withGrammar(output.grammar()))) {
                    result = generator.generate(plan.tokens(), sampler, plan.answerTokens(), scanner::feed, cancelled);
                }
                if (result.stopReason() == StopReason.CANCELLED) {
                    throw new CancellationException("Cancelled");
                }
                try {
                    JsonNode answer = output.parseAndValidate(result);
                    return new Answer(answer.get("refused").booleanValue(), text.toString(), AnswerFormat.citations(answer),
                            plan.language(), numbers(plan.sources()));
                } catch (InvalidStructuredOutputException e) {
                    failure = e;
                }
            }
            throw new LlamaException("The model could not answer even with a shorter allowance: " + failure.getMessage(), failure);
        }
    }

    private int[] tokens(String system, String user) {
        return ChatPrompt.tokenize(model, List.of(ChatMessage.system(system), ChatMessage.user(user)), true);
    }

    private static List<Integer> numbers(List<Source> sources) {
        return sources.stream().map(Source::n).toList();
    }

    private static String requireQuestion(String question) {
        Objects.requireNonNull(question, "question");
        if (question.isBlank()) {
            throw new IllegalArgumentException("The question is blank");
        }
        return question;
    }

    private static void requireDistinctNumbers(List<Source> sources) {
        Set<Integer> seen = new HashSet<>();
        for (Source source : sources) {
            if (!seen.add(source.n())) {
                throw new IllegalArgumentException("Two sources have the number " + source.n());
            }
        }
    }
}
