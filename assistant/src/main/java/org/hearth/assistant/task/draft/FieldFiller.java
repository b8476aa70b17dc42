package org.hearth.assistant.task.draft;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;
import org.hearth.assistant.engine.Completion;
import org.hearth.assistant.engine.CompletionListener;
import org.hearth.assistant.engine.Engine;
import org.hearth.assistant.engine.EngineRequest;
import org.hearth.assistant.engine.Message;
import org.hearth.assistant.engine.PromptSeries;
import org.hearth.assistant.engine.Sampling;
import org.hearth.assistant.engine.Usage;
import org.hearth.assistant.task.StructuredOutput;
import org.hearth.assistant.task.StructuredOutput.InvalidStructuredOutputException;
import org.hearth.assistant.task.answer.Source;
import org.hearth.assistant.task.answer.SourceBudget;
import org.hearth.domain.Language;

/**
 * Fills a template's fields from numbered sources, one request per field in one series (the instructions are
 * decoded once; requests share decodes where the engine runs several at once). Each request carries the sources
 * that mention the field's words first, as many as fit, and asks for a value with a quote under a schema; the
 * answer is then judged by its evidence ({@link Evidence}). An answer the model could not finish or that breaks
 * the schema leaves the field empty rather than failing the draft.
 *
 * <p>Thread-safe: each call opens its own series.
 */
public final class FieldFiller {

    /** A value and a quote of one sentence, as JSON under a grammar, with room for escapes. */
    static final int ANSWER_TOKENS = 384;
    /** Room left unused at the end of the context, so generation never runs into the wall. */
    static final int MARGIN = 16;

    /** Hears the fields finish, in the order they finish. */
    public interface Listener {
        void fieldDone(FieldProposal proposal, int done, int total);
    }

    /**
     * The proposals in the order of the fields, and what the engine spent: in all (the series' instructions
     * included) and per field, in the same order.
     */
    public record Result(List<FieldProposal> fields, Usage usage, List<Usage> perField) {
        public Result {
            fields = List.copyOf(fields);
            perField = List.copyOf(perField);
        }
    }

    private final Engine engine;
    private final Sampling sampling;
    private final int answerTokens;

    public FieldFiller(Engine engine) {
        this(engine, Sampling.greedy());
    }

    public FieldFiller(Engine engine, Sampling sampling) {
        this(engine, sampling, ANSWER_TOKENS);
    }

    /** @param answerTokens the most tokens one field's answer may have (a benchmark caps them lower) */
    public FieldFiller(Engine engine, Sampling sampling, int answerTokens) {
        this.engine = Objects.requireNonNull(engine, "engine");
        this.sampling = Objects.requireNonNull(sampling, "sampling");
        if (answerTokens < 1) {
            throw new IllegalArgumentException("A field's answer needs at least one token, was " + answerTokens);
        }
        this.answerTokens = answerTokens;
    }

    /**
     * @param sources   the matter's passages with distinct numbers; none leaves every field empty without running
     *                  the model
     * @param language  the language of the instructions
     * @param cancelled checked while the instructions are decoded and during every request
     * @throws CancellationException when {@code cancelled} became true
     */
    public Result fill(List<FieldQuery> fields, List<Source> sources, Language language, Listener listener,
                       BooleanSupplier cancelled) {
        if (cancelled.getAsBoolean()) {
            throw new CancellationException("Cancelled");
        }
        if (sources.isEmpty() || fields.isEmpty()) {
            List<FieldProposal> empty = fields.stream().map(field -> FieldProposal.empty(field.name())).toList();
            for (int i = 0; i < empty.size(); i++) {
                listener.fieldDone(empty.get(i), i + 1, empty.size());
            }
            return new Result(empty, Usage.NONE, empty.stream().map(field -> Usage.NONE).toList());
        }
        DraftPrompts prompts = new DraftPrompts(language);
        int answerTokens = Math.min(this.answerTokens, engine.capabilities().contextLength() / 4);
        List<EngineRequest> requests = new ArrayList<>();
        List<Map<Integer, Source>> given = new ArrayList<>();
        for (FieldQuery field : fields) {
            List<Source> fitted = SourceBudget.fit(ranked(field, sources),
                    engine.capabilities().contextLength() - answerTokens - MARGIN,
                    chosen -> tokens(prompts.system(), prompts.user(field, chosen)), prompts.truncationMarker());
            given.add(fitted.stream().collect(Collectors.toMap(Source::n, source -> source, (a, b) -> a, LinkedHashMap::new)));
            requests.add(EngineRequest.structured(prompts.user(field, fitted), FieldFormat.schema(given.getLast().keySet()),
                    sampling, answerTokens));
        }
        FieldProposal[] proposals = new FieldProposal[fields.size()];
        Usage[] spent = new Usage[fields.size()];
        int parallel = Math.max(1, Math.min(engine.capabilities().parallelSequences(), fields.size()));
        try (PromptSeries series = engine.series(prompts.system(), parallel, cancelled)) {
            int[] done = {0};
            series.completeAll(requests, new CompletionListener() {
                @Override
                public void onCompletion(int index, Completion completion) {
                    if (completion.cancelled()) {
                        return;
                    }
                    proposals[index] = judged(fields.get(index), requests.get(index), completion, given.get(index));
                    spent[index] = completion.usage();
                    listener.fieldDone(proposals[index], ++done[0], fields.size());
                }
            });
            if (cancelled.getAsBoolean() || done[0] < fields.size()) {
                throw new CancellationException("Cancelled");
            }
            return new Result(List.of(proposals), series.usage(), List.of(spent));
        }
    }

    private static FieldProposal judged(FieldQuery field, EngineRequest request, Completion completion, Map<Integer, Source> sources) {
        try {
            JsonNode answer = StructuredOutput.fromSchema(request.schema().orElseThrow()).parseAndValidate(completion);
            return Evidence.judge(field, answer, sources);
        } catch (InvalidStructuredOutputException unusable) {
            return FieldProposal.empty(field.name());
        }
    }

    /** Sources that mention more of the field's words first; otherwise in the order given. */
    static List<Source> ranked(FieldQuery field, List<Source> sources) {
        Set<String> words = words(field.name() + " " + field.description());
        return sources.stream()
                .sorted(Comparator.comparingLong((Source source) -> mentions(source, words)).reversed())
                .toList();
    }

    private static long mentions(Source source, Set<String> words) {
        String text = source.text().toLowerCase(Locale.ROOT);
        return words.stream().filter(text::contains).count();
    }

    /** Words of four letters or more, cut to five letters so that a compound or an inflection still matches ("Zustellungsdatum", "zustellen"). */
    private static Set<String> words(String text) {
        return java.util.Arrays.stream(text.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+"))
                .filter(word -> word.length() >= 4)
                .map(word -> word.substring(0, Math.min(5, word.length())))
                .collect(Collectors.toSet());
    }

    private int tokens(String system, String user) {
        return engine.count(List.of(Message.system(system), Message.user(user)), true);
    }
}
