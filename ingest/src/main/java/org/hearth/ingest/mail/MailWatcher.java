package org.hearth.ingest.mail;

import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.event.MessageCountAdapter;
import jakarta.mail.event.MessageCountEvent;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import org.eclipse.angus.mail.imap.IMAPFolder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Watches one folder of an account for new mail and tells a {@link Listener}, so that a sync can run when mail
 * arrives rather than on a timer. Read-only: the folder is opened with EXAMINE and nothing is fetched but the
 * UID of the newest message.
 *
 * <p>With a server that offers IDLE the watcher idles (renewed every {@link WatchOptions#idleRenewal()}),
 * otherwise it polls every {@link WatchOptions#pollInterval()}. A broken connection is re-established with a
 * growing wait ({@link Backoff}), and mail that arrived meanwhile is reported once connected again; mail already
 * there when watching starts is not news (the caller syncs when it starts watching). A refused login, a rejected
 * certificate, a server without STARTTLS or a missing folder stop the watcher instead: trying again cannot fix
 * them, and retrying a refused login may lock the account.
 *
 * <p>The watcher runs on its own virtual (hence daemon) thread. {@link #close()} interrupts it; a virtual thread
 * blocked in a socket read, connect or TLS handshake is released at once by that (the JDK closes the socket), so
 * closing is prompt even in IDLE on a connection that went silent, where waiting for the server's answer to DONE
 * or LOGOUT would take the whole read timeout.
 */
public final class MailWatcher implements AutoCloseable {

    public enum State {
        /** Logged in, the folder open. */
        CONNECTED,
        /** Waiting for the server to announce new mail (IDLE). */
        IDLE,
        /** Asking the server for new mail at intervals. */
        POLLING,
        /** The connection broke or could not be made; the next attempt follows after a wait. Reported per attempt. */
        RECONNECTING,
        /** Closed, or given up for a reason retrying cannot fix. Reported once, last. */
        STOPPED
    }

    /**
     * What the watcher reports. Calls never overlap, but come from the watcher's thread or, for mail announced
     * while connected, from Angus's event thread; they should return quickly (start a sync elsewhere).
     */
    public interface Listener {
        /** New messages arrived: once per change the server reported, however many messages it brought. */
        void newMail();

        /** The watcher's state changed; {@code why} is the failure behind RECONNECTING or a STOPPED that was not asked for. */
        void state(State state, Optional<MailSyncException> why);
    }

    private static final Logger LOG = LoggerFactory.getLogger(MailWatcher.class);

    /** Failures that another attempt cannot fix: the user must act first. */
    private static final Set<MailSyncException.Kind> PERMANENT = EnumSet.of(MailSyncException.Kind.AUTHENTICATION_FAILED,
            MailSyncException.Kind.CERTIFICATE_REJECTED, MailSyncException.Kind.TLS_UNAVAILABLE,
            MailSyncException.Kind.FOLDER_NOT_FOUND);

    private final ImapAccount account;
    private final ImapConnector connector;
    private final Supplier<MailCredentials> credentials;
    private final Listener listener;
    private final WatchOptions options;
    private final Backoff backoff = new Backoff();

    private volatile boolean closed;
    private Thread thread;

    /** Serialises the listener's calls (they come from two threads) and guards the fields below. */
    private final Object reporting = new Object();
    /** Newest message seen so far, to report each arrival once and to catch up after a reconnect. */
    private long knownUidValidity;
    private long knownHighestUid;
    /** STOPPED was reported: a late event of the last folder must not follow it. */
    private boolean stopped;

    /**
     * @param credentials asked once per connect, so a refreshed OAuth token is used on the next reconnect
     */
    public MailWatcher(ImapAccount account, Supplier<MailCredentials> credentials, Listener listener, WatchOptions options) {
        this.account = Objects.requireNonNull(account, "account");
        this.connector = new ImapConnector(account);
        this.credentials = Objects.requireNonNull(credentials, "credentials");
        this.listener = Objects.requireNonNull(listener, "listener");
        this.options = Objects.requireNonNull(options, "options");
    }

    /** Starts watching on the watcher's own thread. */
    public synchronized void start() {
        if (thread != null) {
            throw new IllegalStateException("already started");
        }
        thread = Thread.ofVirtual().name("hearth-mail-watch").start(this::run);
    }

    /**
     * Stops watching and waits until the watcher's thread has ended (STOPPED has then been reported). Called from
     * a listener it only stops, as waiting there for the watcher would wait for itself.
     */
    @Override
    public void close() {
        closed = true;
        Thread watching;
        synchronized (this) {
            watching = thread;
        }
        if (watching == null) {
            return;
        }
        watching.interrupt();
        if (watching != Thread.currentThread() && !Thread.holdsLock(reporting)) {
            joinUninterruptibly(watching);
        }
    }

    private void run() {
        Optional<MailSyncException> gaveUp = Optional.empty();
        try {
            while (!closed) {
                try {
                    watch();
                } catch (MailSyncException e) {
                    if (closed) {
                        break;
                    }
                    if (PERMANENT.contains(e.kind())) {
                        gaveUp = Optional.of(e);
                        break;
                    }
                    report(State.RECONNECTING, Optional.of(e));
                    options.sleeper().sleep(backoff.next());
                }
            }
        } catch (InterruptedException closing) {
            // close() interrupted a wait
        } finally {
            report(State.STOPPED, gaveUp);
        }
    }

    /** One connection, watched until it fails; returns only when closed. */
    private void watch() throws MailSyncException, InterruptedException {
        MailCredentials login;
        try {
            login = Objects.requireNonNull(credentials.get(), "credentials");
        } catch (RuntimeException e) {
            throw new MailSyncException(MailSyncException.Kind.AUTHENTICATION_FAILED,
                    "no credentials for " + account.host() + " could be obtained", e);
        }
        try (ImapConnector.OpenFolder open = connector.open(login, Folder.READ_ONLY)) {
            backoff.reset();
            report(State.CONNECTED, Optional.empty());
            IMAPFolder folder = open.folder();
            // listening before the first look: nothing arriving from now on can slip between the two
            folder.addMessageCountListener(new Arrivals(folder));
            lookAtNewest(folder);
            boolean idle = options.useIdle() && (Boolean) folder.doCommand(protocol -> protocol.hasCapability("IDLE"));
            if (idle) {
                idle(folder);
            } else {
                poll(folder);
            }
        } catch (MessagingException e) {
            throw connector.failure(e);
        } catch (IllegalStateException folderClosedUnderUs) {
            throw connector.connectionLost(folderClosedUnderUs);
        }
    }

    private void idle(IMAPFolder folder) throws MessagingException, MailSyncException {
        report(State.IDLE, Optional.empty());
        Thread renewal = Thread.ofVirtual().name("hearth-mail-idle-renewal").start(() -> renewIdle(folder));
        try {
            while (!closed) {
                folder.idle(); // until renewIdle or an arrival's UID fetch ends it, or the connection breaks
                requireOpen(folder);
            }
        } finally {
            renewal.interrupt();
            joinUninterruptibly(renewal);
        }
    }

    /**
     * Ends the running IDLE every {@link WatchOptions#idleRenewal()}: any command on the folder from another
     * thread makes Angus send DONE first; the watching thread then issues IDLE again.
     */
    private void renewIdle(IMAPFolder folder) {
        try {
            while (true) {
                options.sleeper().sleep(options.idleRenewal());
                if (!folder.isOpen()) {
                    return;
                }
                folder.doCommand(protocol -> {
                    protocol.noop();
                    return null;
                });
            }
        } catch (InterruptedException | MessagingException | IllegalStateException connectionOver) {
            // the watching thread sees the same failure and reconnects
        }
    }

    private void poll(IMAPFolder folder) throws MessagingException, MailSyncException, InterruptedException {
        report(State.POLLING, Optional.empty());
        while (!closed) {
            options.sleeper().sleep(options.pollInterval());
            folder.doCommand(protocol -> {
                protocol.noop(); // the server answers with EXISTS if mail arrived, which Arrivals hears
                return null;
            });
            requireOpen(folder);
        }
    }

    /**
     * Hears every EXISTS the folder reads, whichever command brought it: also the reply that starts an IDLE,
     * after which {@link IMAPFolder#idle()} would not return for it. Runs on Angus's event thread for the folder.
     */
    private final class Arrivals extends MessageCountAdapter {
        private final IMAPFolder folder;

        Arrivals(IMAPFolder folder) {
            this.folder = folder;
        }

        @Override
        public void messagesAdded(MessageCountEvent event) {
            Message[] added = event.getMessages();
            try {
                // one UID fetch (it ends the IDLE for a moment) makes the arrival comparable with a later catch-up
                seen(folder.getUIDValidity(), folder.getUID(added[added.length - 1]));
            } catch (MessagingException | IllegalStateException connectionOver) {
                // not recorded: the catch-up after the reconnect reports it
            }
        }
    }

    /** Records the folder's newest UID now (the first look on the first connect only records it). */
    private void lookAtNewest(IMAPFolder folder) throws MessagingException {
        int count = folder.getMessageCount();
        seen(folder.getUIDValidity(), count == 0 ? 0 : folder.getUID(folder.getMessage(count)));
    }

    /** Reports new mail if {@code uid} is beyond the newest seen so far: each arrival once, wherever noticed. */
    private void seen(long uidValidity, long uid) {
        synchronized (reporting) {
            boolean firstLook = knownUidValidity == 0;
            boolean recreated = uidValidity != knownUidValidity;
            boolean arrived = recreated ? !firstLook && uid > 0 : uid > knownHighestUid;
            if (recreated || uid > knownHighestUid) {
                knownUidValidity = uidValidity;
                knownHighestUid = uid;
            }
            if (arrived && !stopped) {
                try {
                    listener.newMail();
                } catch (RuntimeException e) {
                    LOG.warn("the new-mail listener failed ({})", e.getClass().getName());
                }
            }
        }
    }

    private void requireOpen(IMAPFolder folder) throws MailSyncException {
        if (!folder.isOpen()) { // Angus ends IDLE without an exception when the server or the network hangs up
            throw connector.connectionLost(null);
        }
    }

    private void report(State state, Optional<MailSyncException> why) {
        synchronized (reporting) {
            if (stopped) {
                return;
            }
            stopped = state == State.STOPPED;
            try {
                listener.state(state, why);
            } catch (RuntimeException e) {
                LOG.warn("the mail watcher's state listener failed ({})", e.getClass().getName());
            }
        }
    }

    private static void joinUninterruptibly(Thread other) {
        boolean interrupted = false;
        while (true) {
            try {
                other.join();
                break;
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
