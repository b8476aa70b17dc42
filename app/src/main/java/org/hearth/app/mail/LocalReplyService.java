package org.hearth.app.mail;

import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import org.hearth.app.models.LeaseOnFirstUse;
import org.hearth.app.models.SharedModel;
import org.hearth.assistant.engine.EngineException;
import org.hearth.assistant.engine.local.LocalEngine;
import org.hearth.assistant.llama.ContextOptions;
import org.hearth.assistant.llama.LlamaException;
import org.hearth.assistant.task.reply.ReplyMail;
import org.hearth.assistant.task.reply.ReplyWriter;
import org.hearth.ui.service.InboxService.MailItem;
import org.hearth.ui.service.ReplyService;
import org.hearth.ui.service.ReplyService.ReplyJob.Failure;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The Inbox's "Antwort entwerfen": {@link DraftReply} on the shared model, one reply at a time on its own thread. */
public final class LocalReplyService implements ReplyService, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(LocalReplyService.class);

    private final SharedModel models;
    private final Supplier<ContextOptions> contextOptions;
    private final DraftReply replies = new DraftReply();
    private final ExecutorService replying = Executors.newSingleThreadExecutor(Thread.ofPlatform().daemon().name("hearth-reply").factory());

    /** @param contextOptions read when a reply starts, so a change in the settings applies to the next one */
    public LocalReplyService(SharedModel models, Supplier<ContextOptions> contextOptions) {
        this.models = models;
        this.contextOptions = contextOptions;
    }

    @Override
    public ReplyJob draftReply(MailItem mail, ReplyJob.Listener listener) {
        AtomicBoolean cancelled = new AtomicBoolean();
        ReplyMail answered = new ReplyMail(mail.from(), mail.subject(), mail.body());
        replying.execute(() -> run(answered, listener, cancelled));
        return () -> cancelled.set(true);
    }

    private void run(ReplyMail mail, ReplyJob.Listener listener, AtomicBoolean cancelled) {
        AtomicBoolean leased = new AtomicBoolean();
        try (LeaseOnFirstUse lease = new LeaseOnFirstUse(models, cancelled::get)) {
            ReplyWriter.Reply reply = replies.draft(mail, jobCancelled -> {
                listener.waitingForModel();
                LocalEngine engine = new LocalEngine(lease.model(), contextOptions.get());
                leased.set(true);
                return engine;
            }, listener::text, lease::cancelled);
            listener.done(new ReplyJob.Reply(reply.text(), reply.cutOff()));
        } catch (CancellationException e) {
            listener.cancelled();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            listener.cancelled();
        } catch (LlamaException | EngineException e) {
            LOG.warn("A reply failed in the model", e);
            listener.failed(new Failure(leased.get() ? Failure.Reason.MODEL_FAILED : Failure.Reason.NO_MODEL, e.getMessage()));
        } catch (RuntimeException e) {
            LOG.warn("A reply failed", e);
            listener.failed(new Failure(Failure.Reason.OTHER, String.valueOf(e.getMessage())));
        }
    }

    @Override
    public void close() {
        replying.shutdownNow();
    }
}
