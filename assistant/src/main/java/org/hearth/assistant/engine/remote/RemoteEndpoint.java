package org.hearth.assistant.engine.remote;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;

/**
 * Which server and model a {@link RemoteEngine} talks to and what it may assume of them. Holds no secret.
 *
 * @param baseUri           the server, e.g. {@code http://host:8080} or {@code http://host:8080/v1}
 * @param model             the model name the server knows
 * @param contextLength     tokens one request may hold (the server's per-slot context, e.g. llama-server's
 *                          {@code --ctx-size / --parallel}); not asked from the server
 * @param parallelSequences requests the server runs at once (llama-server's {@code --parallel})
 * @param schemaForm        how schemas are sent
 * @param readTimeout       longest wait for the response headers and between two pieces of the stream
 */
public record RemoteEndpoint(URI baseUri, String model, int contextLength, int parallelSequences, SchemaForm schemaForm,
                             Duration readTimeout) {

    public RemoteEndpoint {
        Objects.requireNonNull(baseUri, "baseUri");
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(schemaForm, "schemaForm");
        Objects.requireNonNull(readTimeout, "readTimeout");
        if (baseUri.getUserInfo() != null) {
            // the address shows up in settings and logs; a password in it would too
            throw new IllegalArgumentException("The server address must not contain credentials; give the API key separately");
        }
        if (!"http".equals(baseUri.getScheme()) && !"https".equals(baseUri.getScheme()) || baseUri.getHost() == null) {
            throw new IllegalArgumentException("The server address must be an http or https URL with a host, was " + baseUri);
        }
        if (model.isBlank()) {
            throw new IllegalArgumentException("The model name is blank");
        }
        if (contextLength < 1 || parallelSequences < 1) {
            throw new IllegalArgumentException("context length and parallel sequences must be positive");
        }
        if (readTimeout.isNegative() || readTimeout.isZero()) {
            throw new IllegalArgumentException("The read timeout must be positive, was " + readTimeout);
        }
    }

    /** The nested schema form and a two-minute read timeout, enough for a long prompt's prefill on a busy server. */
    public static RemoteEndpoint of(URI baseUri, String model, int contextLength, int parallelSequences) {
        return new RemoteEndpoint(baseUri, model, contextLength, parallelSequences, SchemaForm.NESTED, Duration.ofMinutes(2));
    }

    public RemoteEndpoint withSchemaForm(SchemaForm form) {
        return new RemoteEndpoint(baseUri, model, contextLength, parallelSequences, form, readTimeout);
    }

    public RemoteEndpoint withReadTimeout(Duration timeout) {
        return new RemoteEndpoint(baseUri, model, contextLength, parallelSequences, schemaForm, timeout);
    }

    /** {@code {base}/v1/chat/completions}, whether the base was given with or without {@code /v1} and trailing slashes. */
    URI completionsUri() {
        String base = baseUri.toString().replaceAll("/+$", "");
        if (base.endsWith("/v1")) {
            base = base.substring(0, base.length() - "/v1".length());
        }
        return URI.create(base + "/v1/chat/completions");
    }

    /** {@code host:port} for messages: where the server is, without paths or credentials. */
    String hostAndPort() {
        int port = baseUri.getPort() != -1 ? baseUri.getPort() : "https".equals(baseUri.getScheme()) ? 443 : 80;
        return baseUri.getHost() + ":" + port;
    }
}
