package org.hearth.assistant.task.reply;

import java.util.List;
import java.util.Objects;
import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;
import org.hearth.assistant.engine.Completion;
import org.hearth.assistant.engine.Engine;
import org.hearth.assistant.engine.EngineException;
import org.hearth.assistant.engine.EngineRequest;
import org.hearth.assistant.engine.FinishReason;
import org.hearth.assistant.engine.Message;
import org.hearth.assistant.engine.Sampling;
import org.hearth.assistant.engine.TextListener;
import org.hearth.assistant.engine.Usage;
import org.hearth.domain.Language;
import org.hearth.domain.LanguageDetector;

/**
 * Drafts a reply to a mail, in the mail's language, as free text that streams while the model writes. A mail too
 * long for the context keeps its beginning (where the request usually stands) and says it was cut.
 *
 * <p>Thread-safe: each call runs its own request.
 */
public final class ReplyWriter {

    /** Room for a reply of a few paragraphs. */
    public static final int REPLY_TOKENS = 768;
    /** Room left unused at the end of the context, so generation never runs into the wall. */
    static final int MARGIN = 16;

    /** @param cutOff the model stopped at its token allowance: the text may end mid-sentence */
    public record Reply(String text, Language language, boolean cutOff, Usage usage) {
    }

    private final Engine engine;
    private final Sampling sampling;
    private final int replyTokens;

    public ReplyWriter(Engine engine) {
        this(engine, Sampling.defaults(), REPLY_TOKENS);
    }

    /** @param replyTokens the most tokens the reply may have */
    public ReplyWriter(Engine engine, Sampling sampling, int replyTokens) {
        this.engine = Objects.requireNonNull(engine, "engine");
        this.sampling = Objects.requireNonNull(sampling, "sampling");
        if (replyTokens < 1) {
            throw new IllegalArgumentException("A reply needs at least one token, was " + replyTokens);
        }
        this.replyTokens = replyTokens;
    }

    /**
     * @param listener hears the reply as the model writes it
     * @throws CancellationException when {@code cancelled} became true
     * @throws EngineException       when the context cannot hold even the instructions and the reply
     */
    public Reply write(ReplyMail mail, TextListener listener, BooleanSupplier cancelled) {
        if (cancelled.getAsBoolean()) {
            throw new CancellationException("Cancelled");
        }
        Language language = LanguageDetector.detect(mail.subject() + "\n" + mail.body());
        ReplyPrompts prompts = new ReplyPrompts(language);
        int answer = Math.min(replyTokens, engine.capabilities().contextLength() / 2);
        int frame = engine.count(List.of(Message.system(prompts.system()), Message.user(prompts.user(mail, ""))), true);
        int room = engine.capabilities().contextLength() - answer - MARGIN - frame;
        if (room <= 0) {
            throw new EngineException("The model's context of " + engine.capabilities().contextLength()
                    + " tokens is too small to draft a reply");
        }
        String body = engine.cut(mail.body(), room, prompts.truncationMarker());
        Completion completion = engine.complete(prompts.system(),
                EngineRequest.text(prompts.user(mail, body), sampling, answer), listener, cancelled);
        if (completion.cancelled() || cancelled.getAsBoolean()) {
            throw new CancellationException("Cancelled");
        }
        return new Reply(completion.text().strip(), language, completion.finishReason() == FinishReason.MAX_TOKENS,
                completion.usage());
    }
}
