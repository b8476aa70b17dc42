package org.hearth.assistant.engine.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.IntStream;
import org.hearth.assistant.engine.Completion;
import org.hearth.assistant.engine.CompletionListener;
import org.hearth.assistant.engine.EngineCapabilities;
import org.hearth.assistant.engine.EngineRequest;
import org.hearth.assistant.engine.FinishReason;
import org.hearth.assistant.engine.Message;
import org.hearth.assistant.engine.PromptSeries;
import org.hearth.assistant.engine.PromptTooLongException;
import org.hearth.assistant.engine.Sampling;
import org.hearth.assistant.engine.TextListener;
import org.hearth.assistant.grammar.JsonSchemaValidator;
import org.hearth.assistant.llama.ContextOptions;
import org.hearth.assistant.llama.LlamaModel;
import org.hearth.assistant.testing.SharedTinyModel;
import org.junit.jupiter.api.Test;

/** The local engine on the real tiny model: what tasks rely on, checked below the tasks. */
class LocalEngineTest {

    private static final LlamaModel model = SharedTinyModel.get();

    private static final String SYSTEM = "Sie sind ein sorgfältiger Assistent einer Kanzlei. Antworten Sie knapp.";

    private static final LocalEngine engine = new LocalEngine(model,
            ContextOptions.defaults().withThreads(1).withContextLength(3 * 1024).withSequences(3));

    private static List<EngineRequest> requests(int count, int maxTokens) {
        return IntStream.range(0, count)
                .mapToObj(i -> EngineRequest.text("Frage " + i + ": Wann endet die Frist in Akte M-2026-00" + i + "?",
                        Sampling.greedy(), maxTokens))
                .toList();
    }

    @Test
    void capabilitiesDescribeOneRequestsShare() {
        EngineCapabilities capabilities = engine.capabilities();

        assertThat(capabilities.contextLength()).isEqualTo(1024);
        assertThat(capabilities.parallelSequences()).isEqualTo(3);
        assertThat(capabilities.prefixReuse()).isTrue();
    }

    @Test
    void aSeriesDecodesItsSystemPromptOnceAndRestoresItForEveryRequest() {
        int systemTokens = engine.count(List.of(Message.system(SYSTEM)), false);
        List<EngineRequest> requests = requests(2, 8);
        try (PromptSeries series = engine.series(SYSTEM, 1, () -> false)) {
            Completion first = series.complete(requests.get(0), TextListener.ignore());
            Completion second = series.complete(requests.get(1), TextListener.ignore());

            int full = engine.count(List.of(Message.system(SYSTEM), Message.user(requests.get(1).user())), true);
            assertThat(second.usage().promptTokens()).isEqualTo(full);
            assertThat(second.usage().promptTokensDecoded()).isEqualTo(full - systemTokens).isLessThan(full);
            assertThat(series.usage().promptTokensDecoded()).isEqualTo(systemTokens
                    + first.usage().promptTokensDecoded() + second.usage().promptTokensDecoded());
            assertThat(series.usage().generatedTokens()).isEqualTo(first.usage().generatedTokens() + second.usage().generatedTokens());
        }
    }

    @Test
    void completeAllInParallelSequencesGivesTheSameGreedyAnswersAsOneAtATime() {
        List<EngineRequest> requests = requests(5, 12);
        List<String> oneAtATime = new ArrayList<>();
        try (PromptSeries series = engine.series(SYSTEM, 1, () -> false)) {
            requests.forEach(request -> oneAtATime.add(series.complete(request, TextListener.ignore()).text()));
        }
        Map<Integer, String> parallel = new TreeMap<>();
        List<int[]> progress = new ArrayList<>();
        long modelCalls;
        try (PromptSeries series = engine.series(SYSTEM, 3, () -> false)) {
            series.completeAll(requests, new CompletionListener() {
                @Override
                public void onCompletion(int index, Completion completion) {
                    parallel.put(index, completion.text());
                }

                @Override
                public void onProgress(int done, int total) {
                    progress.add(new int[] {done, total});
                }
            });
            modelCalls = series.usage().modelCalls();
        }

        assertThat(parallel.keySet()).containsExactly(0, 1, 2, 3, 4);
        assertThat(parallel.values()).containsExactlyElementsOf(oneAtATime);
        assertThat(progress.getFirst()).containsExactly(0, 5);
        assertThat(progress.getLast()).containsExactly(5, 5);
        // three requests ride in each decode: far fewer calls than five requests' tokens one by one
        assertThat(modelCalls).isLessThan(5L * 12);
    }

    @Test
    void aSchemaKeepsEveryAnswerToValidJson() throws Exception {
        JsonNode schema = new ObjectMapper().readTree("""
                {"type":"object","properties":{
                  "priority":{"type":"integer","minimum":1,"maximum":5},
                  "category":{"type":"string","enum":["court","client","invoice"]}},
                 "required":["priority","category"]}""");
        List<EngineRequest> requests = IntStream.range(0, 4)
                .mapToObj(i -> EngineRequest.structured("Mail " + i + ": Rechnung RE-" + i, schema,
                        Sampling.defaults().withTemperature(1.0f).withSeed(i), 200))
                .toList();
        List<Completion> completions = new ArrayList<>();
        try (PromptSeries series = engine.series(SYSTEM, 3, () -> false)) {
            series.completeAll(requests, (index, completion) -> completions.add(completion));
            completions.add(series.complete(requests.getFirst(), TextListener.ignore()));
        }
        completions.add(engine.complete(SYSTEM, requests.getLast(), TextListener.ignore(), () -> false));

        JsonSchemaValidator validator = JsonSchemaValidator.forSchema(schema);
        ObjectMapper json = new ObjectMapper();
        assertThat(completions).hasSize(6).allSatisfy(completion -> {
            assertThat(completion.finishReason()).as(completion.text()).isEqualTo(FinishReason.END);
            assertThat(validator.validate(json.readTree(completion.text()))).as(completion.text()).isEmpty();
        });
    }

    @Test
    void cancellingStopsARequestAndTheRestOfABatch() {
        AtomicBoolean cancel = new AtomicBoolean();
        List<String> pieces = new ArrayList<>();
        List<Integer> finished = new ArrayList<>();
        try (PromptSeries series = engine.series(SYSTEM, 1, cancel::get)) {
            Completion stopped = series.complete(requests(1, 50).getFirst(), piece -> {
                pieces.add(piece);
                cancel.set(true);
            });
            assertThat(stopped.finishReason()).isEqualTo(FinishReason.CANCELLED);
            assertThat(pieces).hasSize(1);

            cancel.set(false);
            series.completeAll(requests(4, 6), (index, completion) -> {
                finished.add(index);
                cancel.set(true);
            });
            assertThat(finished).hasSize(1);
        }
        Completion before = engine.complete(SYSTEM, requests(1, 8).getFirst(), TextListener.ignore(), () -> true);
        assertThat(before.finishReason()).isEqualTo(FinishReason.CANCELLED);
        assertThat(before.text()).isEmpty();
    }

    @Test
    void aPromptThatCannotFitIsRefusedInTheEnginesTerms() {
        EngineRequest tooLong = EngineRequest.text("Sehr lange Frage. ".repeat(200), Sampling.greedy(), 64);
        try (PromptSeries series = engine.series(SYSTEM, 1, () -> false)) {
            assertThatThrownBy(() -> series.complete(tooLong, TextListener.ignore())).isInstanceOf(PromptTooLongException.class);
        }
        assertThat(engine.cut(tooLong.user(), 100, " [cut]")).endsWith(" [cut]");
        assertThat(engine.count(engine.cut(tooLong.user(), 100, " [cut]"))).isLessThanOrEqualTo(100);
    }
}
