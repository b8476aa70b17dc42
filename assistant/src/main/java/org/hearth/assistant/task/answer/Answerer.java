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
import org.hearth.assistant.engine.Completion;
import org.hearth.assistant.engine.Engine;
import org.hearth.assistant.engine.EngineException;
import org.hearth.assistant.engine.EngineRequest;
import org.hearth.assistant.engine.Message;
import org.hearth.assistant.engine.Sampling;
import org.hearth.assistant.task.StructuredOutput;
import org.hearth.assistant.task.StructuredOutput.InvalidStructuredOutputException;
import org.hearth.domain.Language;
import org.hearth.domain.LanguageDetector;

/**
 * Answers a question from numbered sources that search found, with citations that are real by
 * construction.
 *
 * <p>The sources go into the prompt fenced as data, best first, as many as fit the context next to
 * the answer's allowance. The answer is JSON under a schema: whether the model refuses, the text
 * citing sources as [n], and per citation the source's number (an enum of exactly the numbers in
 * the prompt) with a quote the caller checks with {@link QuoteCheck}. The text streams to the
 * listener as it is written; markers in it that name no source of the prompt are dropped.
 *
 * <p>Thread-safe: each answer is one request of its own to the engine.
 */
public final class Answerer {

    /** Room left unused at the end of the context, so generation never runs into the wall. */
    static final int MARGIN = 16;

    private final Engine engine;
    private final Sampling sampling;

    public Answerer(Engine engine) {
        this(engine, Sampling.defaults());
    }

    /** @param sampling how tokens are chosen */
    public Answerer(Engine engine, Sampling sampling) {
        this.engine = Objects.requireNonNull(engine, "engine");
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
     * @throws org.hearth.assistant.engine.PromptTooLongException when the question alone does not fit the context
     * @throws EngineException when the answer was cut off twice, or the context is too small for an answer
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
     * @param promptTokens  the prompt's tokens as the engine counts them
     * @param contextLength the context the prompt and the answer's allowance fit in
     */
    record Plan(String system, String user, int promptTokens, List<Source> sources, AnswerFormat format, int answerTokens,
                int contextLength, Language language) {
    }

    Plan plan(String question, List<Source> sources, Language language) {
        AnswerPrompts prompts = new AnswerPrompts(language);
        String system = prompts.system();
        int contextLength = engine.capabilities().contextLength();
        int answerTokens = answerTokens(contextLength);
        ToIntFunction<List<Source>> promptTokens = given -> tokens(system, prompts.user(question, given));
        List<Source> fitted = SourceBudget.fit(List.copyOf(sources), contextLength - answerTokens - MARGIN, promptTokens,
                prompts.truncationMarker());
        String user = prompts.user(question, fitted);
        double tokensPerChar = (double) engine.count(system) / system.length();
        AnswerFormat format = AnswerFormat.fitting(new TreeSet<>(numbers(fitted)), answerTokens, tokensPerChar);
        return new Plan(system, user, tokens(system, user), fitted, format, answerTokens, contextLength, language);
    }

    /** Tokens the answer may have: a quarter of the context, enough for the capped JSON, leaves most for the sources. */
    static int answerTokens(int contextLength) {
        return Math.clamp(contextLength / 4, 128, 1536);
    }

    /** One attempt, and a second with half the answer's size if the first was cut off. */
    private Answer run(Plan plan, AnswerListener listener, BooleanSupplier cancelled) {
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
            AnswerTextScanner scanner = AnswerTextScanner.into(markers);
            EngineRequest request = EngineRequest.structured(plan.user(), output.schema(), sampling, plan.answerTokens());
            Completion completion = engine.complete(plan.system(), request, scanner::feed, cancelled);
            if (completion.cancelled()) {
                throw new CancellationException("Cancelled");
            }
            try {
                JsonNode answer = output.parseAndValidate(completion);
                return new Answer(answer.get("refused").booleanValue(), text.toString(), AnswerFormat.citations(answer),
                        plan.language(), numbers(plan.sources()));
            } catch (InvalidStructuredOutputException e) {
                failure = e;
            }
        }
        throw new EngineException("The model could not answer even with a shorter allowance: " + failure.getMessage(), failure);
    }

    private int tokens(String system, String user) {
        return engine.count(List.of(Message.system(system), Message.user(user)), true);
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
