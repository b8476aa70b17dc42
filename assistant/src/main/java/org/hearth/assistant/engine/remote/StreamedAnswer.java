package org.hearth.assistant.engine.remote;

import com.fasterxml.jackson.databind.JsonNode;
import org.hearth.assistant.engine.Completion;
import org.hearth.assistant.engine.FinishReason;
import org.hearth.assistant.engine.TextListener;
import org.hearth.assistant.engine.Usage;

/** An answer as its chunks arrive: the text so far, why it ended and the usage the server reported. */
final class StreamedAnswer {

    private final TextListener listener;
    private final StringBuilder text = new StringBuilder();
    private String finishReason;
    private boolean done;
    private JsonNode usage;
    private long firstPieceNanos;

    StreamedAnswer(TextListener listener) {
        this.listener = listener;
    }

    /** One {@code chat.completion.chunk}: a delta, a finish reason, or (last) the usage with no choices. */
    void chunk(JsonNode chunk) {
        JsonNode choice = chunk.path("choices").path(0);
        String piece = choice.path("delta").path("content").asText("");
        if (!piece.isEmpty()) {
            append(piece);
        }
        finish(choice.path("finish_reason"));
        read(chunk.path("usage"));
    }

    /** A whole {@code chat.completion}, from a server that did not stream. */
    void whole(JsonNode completion) {
        JsonNode choice = completion.path("choices").path(0);
        String content = choice.path("message").path("content").asText("");
        if (!content.isEmpty()) {
            append(content);
        }
        finish(choice.path("finish_reason"));
        read(completion.path("usage"));
        done = true;
    }

    /** The stream's {@code [DONE]}. */
    void done() {
        done = true;
    }

    /** Whether the answer ended properly rather than with a dropped stream. */
    boolean finished() {
        return done || finishReason != null;
    }

    int length() {
        return text.length();
    }

    /**
     * @param start           when the request was sent
     * @param estimatedPrompt the prompt's tokens by estimate, for servers that report no usage
     */
    Completion completion(long start, long estimatedPrompt) {
        FinishReason reason = "length".equals(finishReason) ? FinishReason.MAX_TOKENS : FinishReason.END;
        return new Completion(text.toString(), reason, usage(start, estimatedPrompt));
    }

    Completion cancelled(long start, long estimatedPrompt) {
        return new Completion(text.toString(), FinishReason.CANCELLED, usage(start, estimatedPrompt));
    }

    private void append(String piece) {
        if (text.isEmpty()) {
            firstPieceNanos = System.nanoTime();
        }
        text.append(piece);
        listener.onText(piece);
    }

    private void finish(JsonNode reason) {
        if (reason.isTextual()) {
            finishReason = reason.asText();
        }
    }

    private void read(JsonNode reported) {
        if (reported.isObject()) {
            usage = reported;
        }
    }

    private Usage usage(long start, long estimatedPrompt) {
        long end = System.nanoTime();
        long firstPiece = firstPieceNanos == 0 ? end : firstPieceNanos;
        long prompt = estimatedPrompt;
        long generated = TokenEstimate.count(text.toString());
        long cached = 0;
        if (usage != null && usage.path("prompt_tokens").isIntegralNumber()) {
            prompt = usage.path("prompt_tokens").asLong();
            generated = usage.path("completion_tokens").asLong(generated);
            cached = usage.path("prompt_tokens_details").path("cached_tokens").asLong(0);
        }
        return new Usage(prompt, Math.max(0, prompt - cached), generated, firstPiece - start, end - firstPiece, 1);
    }
}
