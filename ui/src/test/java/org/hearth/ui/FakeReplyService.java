package org.hearth.ui;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.hearth.ui.service.InboxService.MailItem;
import org.hearth.ui.service.ReplyService;

/** A reply service the test drives: each request is recorded and reports on the fake's worker when the test says so. */
final class FakeReplyService implements ReplyService {

    record Call(MailItem mail, ReplyJob.Listener listener, AtomicBoolean cancelRequested) {
    }

    private final ExecutorService worker =
            Executors.newSingleThreadExecutor(Thread.ofPlatform().name("fake-reply-worker").daemon().factory());
    private final List<Call> calls = new CopyOnWriteArrayList<>();

    @Override
    public ReplyJob draftReply(MailItem mail, ReplyJob.Listener listener) {
        AtomicBoolean cancelRequested = new AtomicBoolean();
        calls.add(new Call(mail, listener, cancelRequested));
        return () -> {
            if (cancelRequested.compareAndSet(false, true)) {
                worker.execute(listener::cancelled);
            }
        };
    }

    List<Call> calls() {
        return calls;
    }

    /** Reports on the worker thread, and returns once the listener has been called. */
    void report(int callIndex, Consumer<ReplyJob.Listener> events) {
        ReplyJob.Listener listener = calls.get(callIndex).listener();
        try {
            worker.submit(() -> events.accept(listener)).get(10, TimeUnit.SECONDS);
        } catch (InterruptedException | ExecutionException | TimeoutException e) {
            throw new AssertionError("the fake's worker did not report", e);
        }
    }
}
