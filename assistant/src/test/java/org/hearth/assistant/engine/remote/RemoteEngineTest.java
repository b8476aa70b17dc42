package org.hearth.assistant.engine.remote;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.hearth.assistant.engine.Completion;
import org.hearth.assistant.engine.EngineRequest;
import org.hearth.assistant.engine.FinishReason;
import org.hearth.assistant.engine.Message;
import org.hearth.assistant.engine.PromptSeries;
import org.hearth.assistant.engine.Sampling;
import org.hearth.fixtures.openai.Fault;
import org.hearth.fixtures.openai.OpenAiServerExtension;
import org.hearth.fixtures.openai.RecordedRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The remote engine against a loopback OpenAI-compatible server: the wire format, streaming, usage and failures. */
class RemoteEngineTest {

    static final String MODEL = "qwen3.5-9b-instruct";
    private static final String KEY = "sk-test-7f3a9c";
    private static final String SYSTEM = "Du bist ein Assistent einer Kanzlei.";
    private static final String ANSWER = "Die Frist läuft am 30. November ab – bitte prüfen 👍";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Sampling SAMPLING = new Sampling(0.3f, 20, 0.8f, 0.05f, 1.1f, 42);


    @RegisterExtension
    final OpenAiServerExtension openAi = new OpenAiServerExtension(MODEL);

    private RemoteEngine engine(RemoteEndpoint endpoint) {
        return new RemoteEngine(openAi.client(), endpoint, ApiKey.of(KEY.toCharArray()));
    }

    private RemoteEngine engine() {
        return engine(RemoteEndpoint.of(openAi.server().baseUri(), MODEL, 4096, 3));
    }

    private static EngineRequest text(String user) {
        return EngineRequest.text(user, SAMPLING, 256);
    }

    @Test
    void theStreamedPiecesMakeUpTheAnswerAndMultiByteCharactersSurviveSplitReads() {
        openAi.server().script(ANSWER);
        List<String> pieces = new ArrayList<>();

        Completion completion = engine().complete(SYSTEM, text("Wann läuft die Frist ab?"), pieces::add, () -> false);

        assertThat(completion.text()).isEqualTo(ANSWER);
        assertThat(String.join("", pieces)).isEqualTo(ANSWER);
        assertThat(pieces).hasSizeGreaterThan(5);
        assertThat(completion.finishReason()).isEqualTo(FinishReason.END);
    }

    @Test
    void theRequestCarriesMessagesSamplingLimitAndKeyTheWayOpenAiServersExpect() {
        engine().complete(SYSTEM, text("Wann läuft die Frist ab?"), piece -> { }, () -> false);

        RecordedRequest recorded = openAi.server().requests().getFirst();
        assertThat(recorded.path()).isEqualTo("/v1/chat/completions");
        assertThat(recorded.authorization()).isTrue();
        assertThat(recorded.headers().get("content-type")).containsExactly("application/json");
        JsonNode body = recorded.json();
        assertThat(body.get("model").asText()).isEqualTo(MODEL);
        assertThat(body.get("messages")).hasSize(2);
        assertThat(body.at("/messages/0/role").asText()).isEqualTo("system");
        assertThat(body.at("/messages/0/content").asText()).isEqualTo(SYSTEM);
        assertThat(body.at("/messages/1/role").asText()).isEqualTo("user");
        assertThat(body.at("/messages/1/content").asText()).isEqualTo("Wann läuft die Frist ab?");
        assertThat(body.get("stream").asBoolean()).isTrue();
        assertThat(body.at("/stream_options/include_usage").asBoolean()).isTrue();
        assertThat(body.get("max_tokens").asInt()).isEqualTo(256);
        assertThat(body.get("temperature").floatValue()).isEqualTo(0.3f);
        assertThat(body.get("top_p").floatValue()).isEqualTo(0.8f);
        assertThat(body.get("top_k").asInt()).isEqualTo(20);
        assertThat(body.get("min_p").floatValue()).isEqualTo(0.05f);
        assertThat(body.get("repeat_penalty").floatValue()).isEqualTo(1.1f);
        assertThat(body.get("seed").asInt()).isEqualTo(42);
        assertThat(body.has("response_format")).isFalse();
    }

    @Test
    void withoutAKeyNoAuthorizationHeaderIsSent() {
        new RemoteEngine(openAi.client(), RemoteEndpoint.of(openAi.server().baseUri(), MODEL, 4096, 1), ApiKey.none())
                .complete(null, text("Hallo"), piece -> { }, () -> false);

        RecordedRequest recorded = openAi.server().requests().getFirst();
        assertThat(recorded.authorization()).isFalse();
        assertThat(recorded.json().get("messages")).hasSize(1);
    }

    @Test
    void usageComesFromTheLastChunkAndCachedPromptTokensAreNotCountedAsDecoded() {
        openAi.server().script(ANSWER, ANSWER);
        try (PromptSeries series = engine().series(SYSTEM, 1, () -> false)) {
            Completion first = series.complete(text("Erste Frage"), piece -> { });
            Completion second = series.complete(text("Zweite Frage"), piece -> { });

            // the loopback server counts a token per 4 bytes, the engine's estimate one per 3.5: these are the server's
            long answerTokens = Math.ceilDiv(ANSWER.getBytes(StandardCharsets.UTF_8).length, 4);
            long systemTokens = Math.ceilDiv(SYSTEM.getBytes(StandardCharsets.UTF_8).length, 4);
            assertThat(first.usage().generatedTokens()).isEqualTo(answerTokens);
            assertThat(first.usage().promptTokens()).isEqualTo(systemTokens + Math.ceilDiv("Erste Frage".length(), 4));
            assertThat(first.usage().promptTokensDecoded()).isEqualTo(first.usage().promptTokens());
            assertThat(second.usage().promptTokensDecoded()).isEqualTo(second.usage().promptTokens() - systemTokens);
            assertThat(series.usage().modelCalls()).isEqualTo(2);
            assertThat(series.usage().generatedTokens()).isEqualTo(2 * answerTokens);
        }
        assertThat(openAi.server().requests()).allSatisfy(request -> assertThat(request.json().at("/messages/0/content").asText()).isEqualTo(SYSTEM));
    }

    @Test
    void withoutReportedUsageTheTokensAreEstimated() {
        openAi.server().reportUsage(false);
        openAi.server().script(ANSWER);

        Completion completion = engine().complete(SYSTEM, text("Frage"), piece -> { }, () -> false);

        assertThat(completion.usage().generatedTokens()).isEqualTo(TokenEstimate.count(ANSWER));
        assertThat(completion.usage().promptTokens())
                .isEqualTo(TokenEstimate.count(List.of(Message.system(SYSTEM), Message.user("Frage")), true));
        assertThat(completion.usage().modelCalls()).isEqualTo(1);
    }

    @Test
    void anAnswerCutByTheTokenLimitFinishesWithMaxTokens() {
        openAi.server().script("x".repeat(400));

        Completion completion = engine().complete(SYSTEM, EngineRequest.text("Frage", SAMPLING, 10), piece -> { }, () -> false);

        assertThat(completion.finishReason()).isEqualTo(FinishReason.MAX_TOKENS);
        assertThat(completion.text()).isEqualTo("x".repeat(40));
    }

    @Test
    void theSchemaGoesInOpenAisNestedFormByDefault() throws IOException {
        JsonNode schema = JSON.readTree("""
                {"type":"object","properties":{"label":{"type":"string","enum":["frist","rechnung"]}},"required":["label"]}""");

        Completion completion = engine().complete(SYSTEM, EngineRequest.structured("Frage", schema, SAMPLING, 64), piece -> { }, () -> false);

        JsonNode format = openAi.server().requests().getFirst().json().get("response_format");
        assertThat(format.get("type").asText()).isEqualTo("json_schema");
        assertThat(format.at("/json_schema/name").asText()).isEqualTo("answer");
        assertThat(format.at("/json_schema/strict").asBoolean()).isTrue();
        assertThat(format.at("/json_schema/schema")).isEqualTo(schema);
        assertThat(JSON.readTree(completion.text()).get("label").asText()).isEqualTo("frist");
    }

    @Test
    void theSchemaGoesInLlamaServersFlatFormWhenConfigured() throws IOException {
        JsonNode schema = JSON.readTree("""
                {"type":"object","properties":{"priority":{"type":"integer","minimum":1,"maximum":5}},"required":["priority"]}""");
        RemoteEngine flat = engine(RemoteEndpoint.of(openAi.server().baseUri(), MODEL, 4096, 1).withSchemaForm(SchemaForm.FLAT));

        Completion completion = flat.complete(SYSTEM, EngineRequest.structured("Frage", schema, SAMPLING, 64), piece -> { }, () -> false);

        JsonNode format = openAi.server().requests().getFirst().json().get("response_format");
        assertThat(format.get("type").asText()).isEqualTo("json_object");
        assertThat(format.get("schema")).isEqualTo(schema);
        assertThat(format.has("json_schema")).isFalse();
        assertThat(JSON.readTree(completion.text()).get("priority").asInt()).isEqualTo(1);
    }

    @Test
    void theBaseAddressMayBeGivenWithOrWithoutV1() {
        for (String base : List.of("http://host:8080", "http://host:8080/", "http://host:8080/v1", "http://host:8080/v1/")) {
            assertThat(RemoteEndpoint.of(URI.create(base), MODEL, 4096, 1).completionsUri())
                    .isEqualTo(URI.create("http://host:8080/v1/chat/completions"));
        }
        assertThat(RemoteEndpoint.of(URI.create("https://llm.kanzlei.example/api/v1"), MODEL, 4096, 1).completionsUri())
                .isEqualTo(URI.create("https://llm.kanzlei.example/api/v1/chat/completions"));

        Completion completion = engine(RemoteEndpoint.of(URI.create(openAi.server().baseUri() + "/v1/"), MODEL, 4096, 1))
                .complete(SYSTEM, text("Frage"), piece -> { }, () -> false);
        assertThat(completion.finishReason()).isEqualTo(FinishReason.END);
    }

    @Test
    void anAddressWithCredentialsIsRefusedWithoutRepeatingThem() {
        assertThatThrownBy(() -> RemoteEndpoint.of(URI.create("http://admin:hunter2@host:8080"), MODEL, 4096, 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageNotContaining("hunter2");
    }

    @Test
    void cuttingKeepsWholeCharactersWithinTheEstimatedBudget() {
        RemoteEngine engine = engine();
        String text = "Sehr geehrte Damen und Herren, anbei 😀 die Unterlagen. ".repeat(40);

        String cut = engine.cut(text, 50, " [gekürzt]");

        assertThat(cut).endsWith(" [gekürzt]").hasSizeLessThan(text.length());
        assertThat(engine.count(cut)).isLessThanOrEqualTo(50).isGreaterThan(45);
        assertThat(new String(cut.getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8)).as("no broken surrogate pair").isEqualTo(cut);
        assertThat(text).startsWith(cut.substring(0, cut.length() - " [gekürzt]".length()));
        assertThat(engine.cut("kurz", 50, " [gekürzt]")).isEqualTo("kurz");
    }

    @Test
    void capabilitiesComeFromTheConfiguration() {
        assertThat(engine().capabilities().contextLength()).isEqualTo(4096);
        assertThat(engine().capabilities().parallelSequences()).isEqualTo(3);
        assertThat(engine().capabilities().prefixReuse()).isFalse();
        assertThat(engine().capabilities().embeddings()).isFalse();
    }

    @Test
    void theKeyNeverShowsInToString() {
        assertThat(ApiKey.of(KEY.toCharArray()).toString()).doesNotContain(KEY);
        assertThat(engine().toString()).doesNotContain(KEY).contains("127.0.0.1:" + openAi.server().baseUri().getPort());
    }

    @Test
    void cancellingMidStreamReturnsPromptlyAndDropsTheConnection() throws InterruptedException {
        openAi.server().failNext(new Fault.EndlessStream());
        AtomicBoolean cancel = new AtomicBoolean();
        StringBuilder received = new StringBuilder();

        // the server streams without end: returning at all proves the engine stopped reading
        Completion completion = engine().complete(SYSTEM, text("Frage"), piece -> {
            received.append(piece);
            cancel.set(true);
        }, cancel::get);

        assertThat(completion.finishReason()).isEqualTo(FinishReason.CANCELLED);
        assertThat(completion.text()).isEqualTo(received.toString()).isNotEmpty();
        assertThat(openAi.server().awaitClientDisconnect(Duration.ofSeconds(10))).isTrue();
    }
}
