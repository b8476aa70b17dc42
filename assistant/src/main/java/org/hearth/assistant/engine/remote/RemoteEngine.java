package org.hearth.assistant.engine.remote;

import java.net.http.HttpClient;
import java.util.List;
import java.util.Objects;
import java.util.function.BooleanSupplier;
import org.hearth.assistant.engine.Completion;
import org.hearth.assistant.engine.Engine;
import org.hearth.assistant.engine.EngineCapabilities;
import org.hearth.assistant.engine.EngineRequest;
import org.hearth.assistant.engine.Message;
import org.hearth.assistant.engine.PromptSeries;
import org.hearth.assistant.engine.PromptTooLongException;
import org.hearth.assistant.engine.TextListener;

/**
 * An OpenAI-compatible server as an engine: every request is a streamed {@code POST /v1/chat/completions}
 * carrying the system message, the user message, the sampling settings, {@code max_tokens} and, for a
 * structured answer, the schema as {@code response_format} in the endpoint's {@link SchemaForm}.
 *
 * <p>Token counts are estimates ({@link TokenEstimate}: UTF-8 bytes / 3.5, rounded up, plus a few tokens per
 * chat message), and {@link #cut} cuts by that estimate at a character boundary. A series is the same system
 * message sent with each request: whether the server reuses it from its prompt cache is its business, so
 * {@code prefixReuse} is false. Failures are {@link RemoteEngineException}s naming the server's host and port,
 * never the API key.
 *
 * <p>The connect timeout is the client's ({@link HttpClient.Builder#connectTimeout}); the endpoint's read timeout
 * bounds the wait for the headers and for each next piece of the stream. Cancelling drops the connection, so the
 * server stops generating.
 */
public final class RemoteEngine implements Engine {

    private final HttpClient client;
    private final RemoteEndpoint endpoint;
    private final ApiKey apiKey;
    private final Outbound outbound;

    /** @param client the only way this engine reaches the network, e.g. one guarded by the app's network gate */
    public RemoteEngine(HttpClient client, RemoteEndpoint endpoint, ApiKey apiKey) {
        this(client, endpoint, apiKey, Outbound.NONE);
    }

    /** @param outbound sees every request body before it is sent (the egress log) */
    public RemoteEngine(HttpClient client, RemoteEndpoint endpoint, ApiKey apiKey, Outbound outbound) {
        this.client = Objects.requireNonNull(client, "client");
        this.endpoint = Objects.requireNonNull(endpoint, "endpoint");
        this.apiKey = Objects.requireNonNull(apiKey, "apiKey");
        this.outbound = Objects.requireNonNull(outbound, "outbound");
    }

    @Override
    public EngineCapabilities capabilities() {
        return new EngineCapabilities(endpoint.contextLength(), false, endpoint.parallelSequences(), false);
    }

    @Override
    public int count(String text) {
        return TokenEstimate.count(text);
    }

    @Override
    public int count(List<Message> conversation, boolean assistantStart) {
        return TokenEstimate.count(conversation, assistantStart);
    }

    @Override
    public String cut(String text, int budget, String marker) {
        return TokenEstimate.cut(text, budget, marker);
    }

    @Override
    public PromptSeries series(String system, int parallel, BooleanSupplier cancelled) {
        if (parallel < 1 || parallel > endpoint.parallelSequences()) {
            throw new IllegalArgumentException("parallel must be between 1 and " + endpoint.parallelSequences() + ", was " + parallel);
        }
        return new RemoteSeries(this, system, parallel, cancelled);
    }

    @Override
    public Completion complete(String system, EngineRequest request, TextListener listener, BooleanSupplier cancelled) {
        List<Message> conversation = system == null || system.isBlank() ? List.of(Message.user(request.user()))
                : List.of(Message.system(system), Message.user(request.user()));
        int prompt = count(conversation, true);
        if (prompt + request.maxTokens() > endpoint.contextLength()) {
            throw new PromptTooLongException("A prompt of about " + prompt + " tokens and its answer of up to "
                    + request.maxTokens() + " do not fit the context of " + endpoint.contextLength() + " tokens");
        }
        return new ChatCall(client, endpoint, apiKey, outbound, system, request).run(listener, cancelled);
    }

    @Override
    public String toString() {
        return "RemoteEngine[" + endpoint.hostAndPort() + ", " + endpoint.model() + "]";
    }
}
