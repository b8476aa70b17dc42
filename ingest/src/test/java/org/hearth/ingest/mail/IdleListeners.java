package org.hearth.ingest.mail;

import com.icegreen.greenmail.store.MailFolder;
import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Counts the IDLE commands GreenMail has begun to listen for new mail in a folder. GreenMail answers IDLE with
 * "+ idling" first and only then adds the listener that pushes EXISTS; mail delivered in between is not pushed
 * (only reported at the next command). So "the answer came through" is no proof that mail delivered now will be
 * announced, and on a busy machine the gap is wide enough to hit. This replaces the folder's listener list with one
 * that tells when an IDLE listener joins, so a test can deliver exactly after that. GreenMail has no public hook
 * for it, hence the reflection; a GreenMail update that renames the field fails here loudly, not with a flaky test.
 */
final class IdleListeners {

    private static final String IDLE_LISTENER = "IdleCommand$IdleFolderListener";

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition added = lock.newCondition();
    private int idleListenersAdded;

    private IdleListeners() {
    }

    static IdleListeners of(MailFolder folder) throws ReflectiveOperationException {
        IdleListeners listeners = new IdleListeners();
        Field field = folder.getClass().getDeclaredField("_mailboxListeners");
        field.setAccessible(true);
        @SuppressWarnings("unchecked")
        Collection<Object> original = (Collection<Object>) field.get(folder);
        // synchronized like GreenMail's own list, whose monitor the folder also locks explicitly
        field.set(folder, Collections.synchronizedList(listeners.new CountingList(original)));
        return listeners;
    }

    /** Waits until {@code count} IDLE commands in all have registered their listener. */
    boolean awaitAdded(int count, long timeout, TimeUnit unit) throws InterruptedException {
        long nanos = unit.toNanos(timeout);
        lock.lock();
        try {
            while (idleListenersAdded < count) {
                if (nanos <= 0) {
                    return false;
                }
                nanos = added.awaitNanos(nanos);
            }
            return true;
        } finally {
            lock.unlock();
        }
    }

    private final class CountingList extends ArrayList<Object> {

        CountingList(Collection<Object> original) {
            super(original);
        }

        @Override
        public boolean add(Object listener) {
            boolean result = super.add(listener);
            if (listener.getClass().getName().endsWith(IDLE_LISTENER)) {
                lock.lock();
                try {
                    idleListenersAdded++;
                    added.signalAll();
                } finally {
                    lock.unlock();
                }
            }
            return result;
        }
    }
}
