package org.hearth.assistant.engine.remote;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.hearth.assistant.engine.Completion;
import org.hearth.assistant.engine.CompletionListener;
import org.hearth.assistant.engine.EngineRequest;
import org.hearth.assistant.engine.PromptSeries;
import org.hearth.assistant.engine.Sampling;
import org.hearth.fixtures.openai.Fault;
import org.hearth.fixtures.openai.LoopbackOpenAiServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** completeAll on a server: requests really run at once, and each is reported exactly once, one report at a time. */
class RemoteSeriesTest {

    private static final String SYSTEM = "Ordne die Mail ein.";

    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private LoopbackOpenAiServer server;
    private RemoteEngine engine;

    @BeforeEach
    void start() throws IOException {
        server = LoopbackOpenAiServer.start(RemoteEngineTest.MODEL);
        // each answer names its request, so a report can be matched to the request it answers
        server.answerWith(request -> Optional.of("Antwort auf " + request.at("/messages/1/content").asText()));
        engine = new RemoteEngine(client, RemoteEndpoint.of(server.baseUri(), RemoteEngineTest.MODEL, 4096, 3), ApiKey.none());
    }

    @AfterEach
    void stop() {
        server.close();
        client.close();
    }

    private static List<EngineRequest> requests(int count) {
        return IntStream.range(0, count).mapToObj(i -> EngineRequest.text("Mail " + i, Sampling.greedy(), 64)).toList();
    }

    @Test
    void threeRequestsRunAtOnceAndEachIsReportedOnceBySerialisedCalls() {
        server.gather(3, Duration.ofSeconds(20));
        Map<Integer, String> reported = new ConcurrentHashMap<>();
        List<int[]> progress = new CopyOnWriteArrayList<>();
        AtomicInteger inListener = new AtomicInteger();
        AtomicInteger mostInListener = new AtomicInteger();

        try (PromptSeries series = engine.series(SYSTEM, 3, () -> false)) {
            series.completeAll(requests(7), new CompletionListener() {
                @Override
                public void onCompletion(int index, Completion completion) {
                    mostInListener.accumulateAndGet(inListener.incrementAndGet(), Math::max);
                    assertThat(reported.put(index, completion.text())).as("request %d reported twice", index).isNull();
                    inListener.decrementAndGet();
                }

                @Override
                public void onProgress(int done, int total) {
                    progress.add(new int[] {done, total});
                }
            });
            assertThat(series.usage().modelCalls()).isEqualTo(7);
        }

        assertThat(server.mostConcurrentRequests()).isEqualTo(3);
        assertThat(reported).hasSize(7);
        reported.forEach((index, text) -> assertThat(text).isEqualTo("Antwort auf Mail " + index));
        assertThat(mostInListener.get()).isEqualTo(1);
        assertThat(progress).extracting(step -> step[0]).containsExactly(0, 1, 2, 3, 4, 5, 6, 7);
        assertThat(server.requests()).hasSize(7)
                .allSatisfy(request -> assertThat(request.json().at("/messages/0/content").asText()).isEqualTo(SYSTEM));
    }

    @Test
    void withOneSequenceRequestsRunOneAfterAnother() {
        try (PromptSeries series = engine.series(SYSTEM, 1, () -> false)) {
            series.completeAll(requests(4), (index, completion) -> { });
        }

        assertThat(server.requests()).hasSize(4);
        assertThat(server.mostConcurrentRequests()).isEqualTo(1);
    }

    @Test
    void aFailedRequestStopsTheRunAndIsRethrown() {
        server.failNext(Fault.status(500));
        List<Integer> reported = new CopyOnWriteArrayList<>();

        try (PromptSeries series = engine.series(SYSTEM, 1, () -> false)) {
            assertThatThrownBy(() -> series.completeAll(requests(4), (index, completion) -> reported.add(index)))
                    .isInstanceOf(RemoteEngineException.class).hasMessageContaining("HTTP 500");
        }
        assertThat(reported).isEmpty();
        assertThat(server.requests()).hasSize(1);
    }

    @Test
    void cancellingStopsReportingAndSendingFurtherRequests() {
        AtomicInteger reports = new AtomicInteger();
        try (PromptSeries series = engine.series(SYSTEM, 1, () -> reports.get() >= 2)) {
            series.completeAll(requests(6), (index, completion) -> reports.incrementAndGet());
        }

        assertThat(reports.get()).isEqualTo(2);
        assertThat(server.requests()).hasSize(2);
    }
}
