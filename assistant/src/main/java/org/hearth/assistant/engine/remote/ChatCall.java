package org.hearth.assistant.engine.remote;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.ConnectException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;
import org.hearth.assistant.engine.Completion;
import org.hearth.assistant.engine.EngineRequest;
import org.hearth.assistant.engine.FinishReason;
import org.hearth.assistant.engine.Message;
import org.hearth.assistant.engine.PromptTooLongException;
import org.hearth.assistant.engine.TextListener;
import org.hearth.assistant.engine.Usage;
import org.hearth.assistant.engine.remote.RemoteEngineException.Kind;

/**
 * One streamed chat completion: sends the request, turns HTTP failures into {@link RemoteEngineException}s,
 * feeds the {@code delta.content} pieces of the event stream to the listener and reads the usage from the last
 * chunk. Server texts put into messages are shortened and stripped of the API key, in case a server echoes it.
 */
final class ChatCall {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final long CANCEL_CHECK_MILLIS = 20;
    private static final int MAX_ERROR_CHARS = 300;

    private final HttpClient client;
    private final RemoteEndpoint endpoint;
    private final Optional<String> bearer;
    private final Outbound outbound;
    private final String system;
    private final EngineRequest request;

    ChatCall(HttpClient client, RemoteEndpoint endpoint, ApiKey apiKey, Outbound outbound, String system, EngineRequest request) {
        this.client = client;
        this.endpoint = endpoint;
        this.bearer = apiKey.bearer();
        this.outbound = outbound;
        this.system = system;
        this.request = request;
    }

    Completion run(TextListener listener, BooleanSupplier cancelled) {
        long start = System.nanoTime();
        if (cancelled.getAsBoolean()) {
            return new Completion("", FinishReason.CANCELLED, Usage.NONE);
        }
        byte[] body = ChatRequestBody.of(endpoint.model(), system, request, endpoint.schemaForm());
        outbound.sending(endpoint.completionsUri(), body);
        HttpRequest.Builder http = HttpRequest.newBuilder(endpoint.completionsUri())
                .header("Content-Type", "application/json")
                .header("Accept", "text/event-stream")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        bearer.ifPresent(value -> http.header("Authorization", value));
        CompletableFuture<HttpResponse<Flow.Publisher<List<ByteBuffer>>>> sent =
                client.sendAsync(http.build(), HttpResponse.BodyHandlers.ofPublisher());
        HttpResponse<Flow.Publisher<List<ByteBuffer>>> response;
        try {
            response = awaitHeaders(sent, cancelled);
        } catch (CancellationException e) {
            sent.cancel(true);
            return new Completion("", FinishReason.CANCELLED, Usage.NONE);
        }
        StreamedAnswer answer = new StreamedAnswer(listener);
        try (BodyLines lines = new BodyLines()) {
            response.body().subscribe(lines);
            if (response.statusCode() != 200) {
                throw failure(response, lines);
            }
            String contentType = response.headers().firstValue("Content-Type").orElse("");
            if (contentType.startsWith("application/json")) {
                // a server that ignores "stream": the whole completion in one document
                answer.whole(parse(lines.rest(endpoint.readTimeout(), cancelled, Integer.MAX_VALUE)));
            } else if (!contentType.startsWith("text/event-stream")) {
                throw error(Kind.MALFORMED_REPLY, "sent " + (contentType.isEmpty() ? "a reply without a type" : contentType)
                        + " instead of an event stream; is the address that of a chat-completions server?", null);
            } else {
                readEvents(lines, answer, cancelled);
            }
            return answer.completion(start, estimatedPromptTokens());
        } catch (CancellationException e) {
            return answer.cancelled(start, estimatedPromptTokens());
        } catch (TimeoutException e) {
            throw error(Kind.TIMEOUT, "sent nothing for " + endpoint.readTimeout().toSeconds() + " s", e);
        } catch (IOException e) {
            throw error(Kind.CUT_OFF, "broke off its reply (" + e.getClass().getSimpleName() + ")", e);
        }
    }

    private HttpResponse<Flow.Publisher<List<ByteBuffer>>> awaitHeaders(
            CompletableFuture<HttpResponse<Flow.Publisher<List<ByteBuffer>>>> sent, BooleanSupplier cancelled) {
        long deadline = System.nanoTime() + endpoint.readTimeout().toNanos();
        while (true) {
            try {
                return sent.get(CANCEL_CHECK_MILLIS, TimeUnit.MILLISECONDS);
            } catch (TimeoutException e) {
                if (cancelled.getAsBoolean()) {
                    throw new CancellationException("Cancelled");
                }
                if (System.nanoTime() - deadline > 0) {
                    sent.cancel(true);
                    throw error(Kind.TIMEOUT, "did not answer within " + endpoint.readTimeout().toSeconds() + " s", e);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new CancellationException("Interrupted");
            } catch (ExecutionException e) {
                throw sendFailure(e.getCause());
            }
        }
    }

    private RemoteEngineException sendFailure(Throwable cause) {
        if (cause instanceof HttpConnectTimeoutException) {
            return new RemoteEngineException(Kind.UNREACHABLE, "Cannot reach the model server at " + endpoint.hostAndPort()
                    + ": it did not accept a connection in time", cause);
        }
        if (cause instanceof ConnectException) {
            return new RemoteEngineException(Kind.UNREACHABLE, "Cannot reach the model server at " + endpoint.hostAndPort()
                    + ": is it running, and are host and port right?", cause);
        }
        if (cause instanceof IOException) {
            return error(Kind.CUT_OFF, "closed the connection before answering (" + cause.getClass().getSimpleName() + ")", cause);
        }
        return error(Kind.MALFORMED_REPLY, "could not be talked to: " + cause.getClass().getSimpleName(), cause);
    }

    private RuntimeException failure(HttpResponse<?> response, BodyLines lines) throws IOException, TimeoutException {
        int status = response.statusCode();
        String detail = serverMessage(lines.rest(endpoint.readTimeout(), () -> false, 4 * MAX_ERROR_CHARS));
        return switch (status) {
            case 401, 403 -> error(Kind.UNAUTHORIZED, "refused the request (HTTP " + status + "): "
                    + (bearer.isPresent() ? "the API key is wrong or lacks access" : "it needs an API key"), null);
            case 404 -> error(Kind.MODEL_NOT_FOUND, "does not know the model '" + endpoint.model() + "' (HTTP 404)", null);
            case 429 -> {
                Optional<Duration> retryAfter = response.headers().firstValue("Retry-After").flatMap(ChatCall::retryAfter);
                yield new RemoteEngineException(Kind.RATE_LIMITED, "The model server at " + endpoint.hostAndPort()
                        + " is busy (HTTP 429)" + retryAfter.map(wait -> "; try again in " + wait.toSeconds() + " s").orElse(""),
                        retryAfter.orElse(null), null);
            }
            default -> {
                if (status == 400 && contextExceeded(detail)) {
                    yield new PromptTooLongException("The prompt and its answer do not fit the context of the model server at "
                            + endpoint.hostAndPort() + ": " + detail);
                }
                yield error(status >= 500 ? Kind.SERVER_ERROR : Kind.REJECTED, "failed (HTTP " + status + ")"
                        + (detail.isEmpty() ? "" : ": " + detail), null);
            }
        };
    }

    private void readEvents(BodyLines lines, StreamedAnswer answer, BooleanSupplier cancelled) throws IOException, TimeoutException {
        StringBuilder data = new StringBuilder();
        for (Optional<String> line = lines.next(endpoint.readTimeout(), cancelled); line.isPresent();
             line = lines.next(endpoint.readTimeout(), cancelled)) {
            String text = line.get();
            if (text.startsWith("data:")) {
                data.append(data.isEmpty() ? "" : "\n").append(text.substring(5).stripLeading());
            } else if (text.isEmpty() && !data.isEmpty()) {
                if (data.toString().equals("[DONE]")) {
                    answer.done();
                    return;
                }
                event(parse(data.toString()), answer);
                data.setLength(0);
            }
            // comments (":"), "event:", "id:" and "retry:" lines carry nothing a completion needs
            if (cancelled.getAsBoolean()) {
                throw new CancellationException("Cancelled");
            }
        }
        if (!data.isEmpty() && !data.toString().equals("[DONE]")) {
            event(parse(data.toString()), answer);
        }
        if (!answer.finished()) {
            throw error(Kind.CUT_OFF, "ended its reply mid-stream, after " + answer.length() + " characters", null);
        }
    }

    private void event(JsonNode event, StreamedAnswer answer) {
        if (event.has("error")) {
            throw error(Kind.SERVER_ERROR, "reported an error mid-stream: " + serverMessage(event.toString()), null);
        }
        answer.chunk(event);
    }

    private JsonNode parse(String data) {
        try {
            return JSON.readTree(data);
        } catch (JsonProcessingException e) {
            throw error(Kind.MALFORMED_REPLY, "sent an event that is not valid JSON", null);
        }
    }

    private long estimatedPromptTokens() {
        List<Message> conversation = system == null || system.isBlank() ? List.of(Message.user(request.user()))
                : List.of(Message.system(system), Message.user(request.user()));
        return TokenEstimate.count(conversation, true);
    }

    /** The {@code error.message} of an OpenAI-style error body, else the body; short and without the key. */
    private String serverMessage(String body) {
        String message = body;
        try {
            JsonNode error = JSON.readTree(body).path("error");
            message = error.isTextual() ? error.asText() : error.path("message").asText(body);
        } catch (JsonProcessingException | RuntimeException e) {
            // not JSON: the body itself says what went wrong, e.g. a proxy's text page
        }
        if (bearer.isPresent()) {
            String key = bearer.get().substring("Bearer ".length());
            message = message.replace(key, "[key]");
        }
        message = message.replaceAll("\\p{Cntrl}+", " ").strip();
        return message.length() > MAX_ERROR_CHARS ? message.substring(0, MAX_ERROR_CHARS) + "…" : message;
    }

    private static boolean contextExceeded(String detail) {
        String lower = detail.toLowerCase();
        return lower.contains("context") && (lower.contains("exceed") || lower.contains("too long") || lower.contains("maximum"));
    }

    /** Seconds, or an HTTP date as RFC 9110 allows. */
    private static Optional<Duration> retryAfter(String value) {
        try {
            return Optional.of(Duration.ofSeconds(Long.parseLong(value.strip())));
        } catch (NumberFormatException e) {
            try {
                Duration wait = Duration.between(ZonedDateTime.now(), ZonedDateTime.parse(value.strip(), DateTimeFormatter.RFC_1123_DATE_TIME));
                return Optional.of(wait.isNegative() ? Duration.ZERO : wait);
            } catch (DateTimeParseException notADate) {
                return Optional.empty();
            }
        }
    }

    private RemoteEngineException error(Kind kind, String what, Throwable cause) {
        return new RemoteEngineException(kind, "The model server at " + endpoint.hostAndPort() + " " + what, cause);
    }
}
