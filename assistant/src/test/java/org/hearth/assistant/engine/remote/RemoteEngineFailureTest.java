package org.hearth.assistant.engine.remote;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import org.hearth.assistant.engine.EngineRequest;
import org.hearth.assistant.engine.PromptTooLongException;
import org.hearth.assistant.engine.Sampling;
import org.hearth.assistant.engine.remote.RemoteEngineException.Kind;
import org.hearth.fixtures.openai.Fault;
import org.hearth.fixtures.openai.LoopbackOpenAiServer;
import org.hearth.fixtures.openai.OpenAiServerExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Each way a server or the network fails gives its own kind and a message that says what to do, never the key. */
class RemoteEngineFailureTest {

    private static final String MODEL = RemoteEngineTest.MODEL;
    private static final String KEY = "sk-secret-4c1d2e";
    private static final EngineRequest REQUEST = EngineRequest.text("Wann läuft die Frist ab?", Sampling.greedy(), 64);


    @RegisterExtension
    final OpenAiServerExtension openAi = new OpenAiServerExtension(MODEL);

    private RemoteEngineException failure(RemoteEndpoint endpoint, ApiKey key) {
        RemoteEngineException failure = catchThrowableOfType(RemoteEngineException.class,
                () -> new RemoteEngine(openAi.client(), endpoint, key).complete("System", REQUEST, piece -> { }, () -> false));
        assertThat(failure).as("a RemoteEngineException").isNotNull();
        assertThat(failure.getMessage()).doesNotContain(KEY);
        return failure;
    }

    private RemoteEngineException failure() {
        return failure(RemoteEndpoint.of(openAi.server().baseUri(), MODEL, 4096, 1), ApiKey.of(KEY.toCharArray()));
    }

    private String hostAndPort() {
        return "127.0.0.1:" + openAi.server().baseUri().getPort();
    }

    @Test
    void anUnreachableServerIsNamedByHostAndPort() throws IOException {
        int port;
        try (LoopbackOpenAiServer gone = LoopbackOpenAiServer.start(MODEL)) {
            port = gone.baseUri().getPort();
        }

        RemoteEngineException failure = failure(RemoteEndpoint.of(URI.create("http://127.0.0.1:" + port), MODEL, 4096, 1), ApiKey.none());

        assertThat(failure.kind()).isEqualTo(Kind.UNREACHABLE);
        assertThat(failure.getMessage()).contains("Cannot reach", "127.0.0.1:" + port);
    }

    @Test
    void aWrongKeyIsReportedAsSuchWithoutTheKey() {
        openAi.server().requireApiKey("sk-the-right-one");

        RemoteEngineException failure = failure();

        assertThat(failure.kind()).isEqualTo(Kind.UNAUTHORIZED);
        assertThat(failure.getMessage()).contains(hostAndPort(), "HTTP 401", "API key is wrong");
        assertThat(openAi.server().requests().getFirst().authorization()).isTrue();
    }

    @Test
    void aMissingKeyIsReportedAsMissing() {
        openAi.server().requireApiKey("sk-the-right-one");

        RemoteEngineException failure = failure(RemoteEndpoint.of(openAi.server().baseUri(), MODEL, 4096, 1), ApiKey.none());

        assertThat(failure.kind()).isEqualTo(Kind.UNAUTHORIZED);
        assertThat(failure.getMessage()).contains("HTTP 401", "needs an API key");
    }

    @Test
    void forbiddenIsAnAuthorisationProblemToo() {
        openAi.server().failNext(Fault.status(403));

        RemoteEngineException failure = failure();

        assertThat(failure.kind()).isEqualTo(Kind.UNAUTHORIZED);
        assertThat(failure.getMessage()).contains("HTTP 403");
    }

    @Test
    void anUnknownModelIsNamed() {
        RemoteEngineException failure = failure(RemoteEndpoint.of(openAi.server().baseUri(), "no-such-model", 4096, 1), ApiKey.of(KEY.toCharArray()));

        assertThat(failure.kind()).isEqualTo(Kind.MODEL_NOT_FOUND);
        assertThat(failure.getMessage()).contains(hostAndPort(), "'no-such-model'", "HTTP 404");
    }

    @Test
    void aBusyServerSaysWhenToTryAgain() {
        openAi.server().failNext(new Fault.TooManyRequests(7));

        RemoteEngineException failure = failure();

        assertThat(failure.kind()).isEqualTo(Kind.RATE_LIMITED);
        assertThat(failure.retryAfter()).contains(Duration.ofSeconds(7));
        assertThat(failure.getMessage()).contains("HTTP 429", "try again in 7 s");
    }

    @Test
    void aServerErrorCarriesTheServersMessageWithAnEchoedKeyRemoved() {
        openAi.server().failNext(new Fault.Status(500, "slot unavailable for key " + KEY));

        RemoteEngineException failure = failure();

        assertThat(failure.kind()).isEqualTo(Kind.SERVER_ERROR);
        assertThat(failure.getMessage()).contains(hostAndPort(), "HTTP 500", "slot unavailable for key [key]");
    }

    @Test
    void aStreamCutMidwayIsNotMistakenForAnAnswer() {
        openAi.server().script("Eine Antwort, die nie zu Ende geschrieben wird.");
        openAi.server().failNext(new Fault.CutAfter(3));

        RemoteEngineException failure = failure();

        assertThat(failure.kind()).isEqualTo(Kind.CUT_OFF);
        assertThat(failure.getMessage()).contains(hostAndPort(), "broke off");
    }

    @Test
    void anEventThatIsNotJsonIsAMalformedReply() {
        openAi.server().failNext(new Fault.InvalidJson());

        RemoteEngineException failure = failure();

        assertThat(failure.kind()).isEqualTo(Kind.MALFORMED_REPLY);
        assertThat(failure.getMessage()).contains("not valid JSON");
    }

    @Test
    void aPageInsteadOfAnEventStreamIsAMalformedReply() {
        openAi.server().failNext(new Fault.NotAnEventStream());

        RemoteEngineException failure = failure();

        assertThat(failure.kind()).isEqualTo(Kind.MALFORMED_REPLY);
        assertThat(failure.getMessage()).contains("text/html", "instead of an event stream");
    }

    @Test
    void aStalledServerTimesOutAfterTheReadTimeout() {
        openAi.server().failNext(new Fault.Stall());

        RemoteEngineException failure = failure(RemoteEndpoint.of(openAi.server().baseUri(), MODEL, 4096, 1).withReadTimeout(Duration.ofMillis(300)),
                ApiKey.of(KEY.toCharArray()));

        assertThat(failure.kind()).isEqualTo(Kind.TIMEOUT);
        assertThat(failure.getMessage()).contains(hostAndPort());
    }

    @Test
    void aServerSayingItsContextIsExceededGivesPromptTooLong() {
        openAi.server().failNext(new Fault.Status(400, "the request exceeds the available context size, try increasing it"));

        PromptTooLongException failure = catchThrowableOfType(PromptTooLongException.class,
                () -> new RemoteEngine(openAi.client(), RemoteEndpoint.of(openAi.server().baseUri(), MODEL, 4096, 1), ApiKey.none())
                        .complete("System", REQUEST, piece -> { }, () -> false));

        assertThat(failure).hasMessageContaining(hostAndPort()).hasMessageContaining("exceeds the available context size");
    }

    @Test
    void anotherRefusalIsARejectedRequest() {
        openAi.server().failNext(new Fault.Status(400, "'messages' must not be empty"));

        RemoteEngineException failure = failure();

        assertThat(failure.kind()).isEqualTo(Kind.REJECTED);
        assertThat(failure.getMessage()).contains("HTTP 400", "'messages' must not be empty");
    }

    @Test
    void aPromptBeyondTheContextIsRefusedBeforeItIsSent() {
        RemoteEngine engine = new RemoteEngine(openAi.client(), RemoteEndpoint.of(openAi.server().baseUri(), MODEL, 100, 1), ApiKey.none());

        PromptTooLongException failure = catchThrowableOfType(PromptTooLongException.class,
                () -> engine.complete("System", EngineRequest.text("x".repeat(400), Sampling.greedy(), 16), piece -> { }, () -> false));

        assertThat(failure).hasMessageContaining("context of 100 tokens");
        assertThat(openAi.server().requests()).isEmpty();
    }
}
