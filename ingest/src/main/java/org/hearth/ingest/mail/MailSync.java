package org.hearth.ingest.mail;

import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.FetchProfile;
import jakarta.mail.Folder;
import jakarta.mail.FolderClosedException;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.StoreClosedException;
import jakarta.mail.UIDFolder;
import jakarta.mail.search.ComparisonTerm;
import jakarta.mail.search.ReceivedDateTerm;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.security.GeneralSecurityException;
import java.security.cert.CertificateException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.List;
import java.util.Objects;
import java.util.Properties;
import java.util.function.BooleanSupplier;
import javax.net.ssl.SSLException;
import org.eclipse.angus.mail.iap.ConnectionException;
import org.eclipse.angus.mail.util.MailConnectException;

/**
 * Brings new messages of one IMAP folder in, read-only and incrementally. Each run opens the folder with
 * {@code EXAMINE} (nothing on the server changes, not even \Seen), compares its UIDVALIDITY with the caller's
 * {@link SyncCursor} (a different one means the old UIDs are void: everything is synced again, and reported),
 * and hands every message with a higher UID, oldest first, to the consumer. The caller stores
 * {@link MailMessage#cursor()} as each message is accepted, so a run that breaks off (lost connection, crash,
 * cancel, a consumer error) resumes at the next message on the next run: nothing lost, nothing twice.
 *
 * <p>Envelope, UID, size, flags and structure are fetched in batches; of each message only the text parts are
 * read, up to {@link SyncOptions#maxBodyBytes()}; attachments are listed, never downloaded.
 */
public final class MailSync {

    /** Receives each new message; when it returns normally the message counts as delivered. */
    @FunctionalInterface
    public interface Consumer {
        void accept(MailMessage message) throws Exception;
    }

    /** Messages delivered so far out of the run's total; called on the syncing thread. */
    @FunctionalInterface
    public interface Progress {
        Progress NONE = (done, total) -> { };

        void update(int done, int total);
    }

    private static final int CONNECT_TIMEOUT_MS = 20_000;
    private static final int READ_TIMEOUT_MS = 60_000;

    private final ImapAccount account;
    private final SyncOptions options;

    public MailSync(ImapAccount account, SyncOptions options) {
        this.account = Objects.requireNonNull(account, "account");
        this.options = Objects.requireNonNull(options, "options");
    }

    /**
     * One sync run. {@code password} is used for this login only and kept nowhere. Returns normally when every
     * new message was delivered or {@code cancelled} turned true; throws when the run could not finish, with the
     * messages delivered until then still delivered.
     */
    public SyncResult sync(MailCredentials credentials, SyncCursor cursor, Consumer consumer, Progress progress,
                           BooleanSupplier cancelled) throws MailSyncException {
        char[] password = ((MailCredentials.Password) credentials).password(); // PLACEHOLDER
        Objects.requireNonNull(cursor, "cursor");
        Objects.requireNonNull(consumer, "consumer");
        Objects.requireNonNull(progress, "progress");
        Objects.requireNonNull(cancelled, "cancelled");
        Session session = Session.getInstance(properties());
        Store store;
        try {
            store = session.getStore(protocol());
        } catch (MessagingException e) {
            throw new MailSyncException(MailSyncException.Kind.PROTOCOL, "no IMAP support: " + protocol(), e);
        }
        try {
            try {
                store.connect(account.host(), account.port(), account.user(), new String(password));
            } catch (MessagingException e) {
                throw connectFailure(e);
            }
            Folder folder = store.getFolder(account.folder());
            if (!folder.exists()) {
                throw new MailSyncException(MailSyncException.Kind.FOLDER_NOT_FOUND,
                        "the folder does not exist on " + account.host(), null); // its name may name a client
            }
            folder.open(Folder.READ_ONLY);
            try {
                return new Run(folder, cursor, consumer, progress, cancelled).run();
            } finally {
                closeQuietly(folder);
            }
        } catch (MessagingException e) {
            throw syncFailure(e);
        } finally {
            try {
                store.close();
            } catch (MessagingException alreadyGone) {
                // nothing left to release
            }
        }
    }

    /** One run over an open folder. */
    private final class Run {
        private final Folder folder;
        private final UIDFolder uids;
        private final SyncCursor cursor;
        private final Consumer consumer;
        private final Progress progress;
        private final BooleanSupplier cancelled;

        Run(Folder folder, SyncCursor cursor, Consumer consumer, Progress progress, BooleanSupplier cancelled) {
            this.folder = folder;
            this.uids = (UIDFolder) folder;
            this.cursor = cursor;
            this.consumer = consumer;
            this.progress = progress;
            this.cancelled = cancelled;
        }

        SyncResult run() throws MessagingException, MailSyncException {
            long uidValidity = uids.getUIDValidity();
            boolean resync = !cursor.isNone() && cursor.uidValidity() != uidValidity;
            boolean fromStart = cursor.isNone() || resync;
            long fromUid = fromStart ? 1 : cursor.highestUid() + 1;
            List<Message> pending = newMessages(fromUid);
            int total = pending.size();
            SyncCursor position = fromStart ? new SyncCursor(uidValidity, 0) : cursor;
            int delivered = 0;
            progress.update(0, total);
            FetchProfile profile = new FetchProfile();
            profile.add(FetchProfile.Item.ENVELOPE);
            profile.add(FetchProfile.Item.CONTENT_INFO);
            profile.add(FetchProfile.Item.SIZE);
            profile.add(FetchProfile.Item.FLAGS);
            profile.add(UIDFolder.FetchProfileItem.UID);
            for (int start = 0; start < total; start += options.batchSize()) {
                if (cancelled.getAsBoolean()) {
                    return new SyncResult(position, delivered, total, resync, true);
                }
                Message[] batch = pending.subList(start, Math.min(total, start + options.batchSize())).toArray(Message[]::new);
                folder.fetch(batch, profile);
                for (Message message : batch) {
                    if (cancelled.getAsBoolean()) {
                        return new SyncResult(position, delivered, total, resync, true);
                    }
                    MailMessage mail = read(message, uidValidity);
                    try {
                        consumer.accept(mail);
                    } catch (Exception e) {
                        throw new MailSyncException(MailSyncException.Kind.CONSUMER_FAILED,
                                "handling message UID " + mail.uid() + " failed; it will be delivered again next time", e);
                    }
                    position = mail.cursor();
                    delivered++;
                    progress.update(delivered, total);
                }
            }
            return new SyncResult(position, delivered, total, resync, false);
        }

        /** UIDs at or above {@code fromUid} (and received since the option's day), oldest first, limited. */
        private List<Message> newMessages(long fromUid) throws MessagingException {
            Message[] candidates;
            if (options.since().isPresent()) {
                Date since = Date.from(options.since().get().atStartOfDay(ZoneId.systemDefault()).toInstant());
                candidates = folder.search(new ReceivedDateTerm(ComparisonTerm.GE, since));
                FetchProfile uidOnly = new FetchProfile();
                uidOnly.add(UIDFolder.FetchProfileItem.UID);
                folder.fetch(candidates, uidOnly);
            } else {
                // "n:*" always includes the last message, even when its UID is below n: filtered below
                candidates = uids.getMessagesByUID(fromUid, UIDFolder.MAXUID);
            }
            List<Message> pending = new ArrayList<>();
            for (Message message : candidates) {
                if (message != null && uids.getUID(message) >= fromUid) {
                    pending.add(message);
                }
            }
            pending.sort(Comparator.comparingLong(this::uid));
            return options.limit() > 0 && pending.size() > options.limit() ? pending.subList(0, options.limit()) : pending;
        }

        private long uid(Message message) {
            try {
                return uids.getUID(message);
            } catch (MessagingException e) {
                throw new IllegalStateException(e);
            }
        }

        private MailMessage read(Message message, long uidValidity) throws MessagingException, MailSyncException {
            long uid = uids.getUID(message);
            MailMessage mail;
            try {
                mail = MimeText.message(message, uidValidity, uid, options.maxBodyBytes());
            } catch (MimeText.ConnectionLost e) {
                throw connectionLost(e);
            }
            if (!folder.isOpen()) {
                // whatever was read may be incomplete: do not deliver it
                throw connectionLost(null);
            }
            return mail;
        }
    }

    private MailSyncException connectionLost(Throwable cause) {
        return new MailSyncException(MailSyncException.Kind.CONNECTION_LOST,
                "the connection to " + account.host() + " broke off; the next sync resumes after the last delivered message", cause);
    }

    private MailSyncException connectFailure(MessagingException e) {
        if (e instanceof AuthenticationFailedException) {
            return new MailSyncException(MailSyncException.Kind.AUTHENTICATION_FAILED,
                    account.host() + " refused the login: wrong user name or password", e);
        }
        if (has(e, CertificateException.class) || has(e, SSLException.class) || message(e).contains("verify identity of server")) {
            return new MailSyncException(MailSyncException.Kind.CERTIFICATE_REJECTED,
                    "the certificate of " + account.host() + " is not trusted or not issued for this host name"
                            + (account.trustedCertificate().isPresent() ? " (it is not the certificate you trusted)" : ""), e);
        }
        if (message(e).contains("STARTTLS required")) {
            return new MailSyncException(MailSyncException.Kind.TLS_UNAVAILABLE,
                    account.host() + ":" + account.port() + " does not offer STARTTLS; Hearth never logs in unencrypted", e);
        }
        if (e instanceof MailConnectException || has(e, ConnectException.class) || has(e, UnknownHostException.class)
                || has(e, SocketTimeoutException.class) || has(e, NoRouteToHostException.class)) {
            return new MailSyncException(MailSyncException.Kind.UNREACHABLE,
                    "cannot reach " + account.host() + ":" + account.port() + " (" + reason(e) + ")", e);
        }
        return syncFailure(e);
    }

    private MailSyncException syncFailure(MessagingException e) {
        if (e instanceof FolderClosedException || e instanceof StoreClosedException || has(e, ConnectionException.class)
                || has(e, SocketException.class) || has(e, SocketTimeoutException.class)) {
            return connectionLost(e);
        }
        return new MailSyncException(MailSyncException.Kind.PROTOCOL,
                "IMAP error with " + account.host() + " (" + e.getClass().getSimpleName() + ")", e);
    }

    private static String reason(Throwable e) {
        if (has(e, UnknownHostException.class)) {
            return "unknown host";
        }
        if (has(e, SocketTimeoutException.class)) {
            return "timed out";
        }
        if (has(e, ConnectException.class)) {
            return "connection refused";
        }
        return "no route";
    }

    private static boolean has(Throwable e, Class<? extends Throwable> type) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }

    private static String message(Throwable e) {
        StringBuilder all = new StringBuilder();
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            all.append(t.getMessage()).append('\n');
        }
        return all.toString();
    }

    private String protocol() {
        return account.security() == ImapAccount.Security.IMAPS ? "imaps" : "imap";
    }

    private Properties properties() throws MailSyncException {
        String prefix = "mail." + protocol() + ".";
        Properties properties = new Properties();
        properties.put(prefix + "connectiontimeout", Integer.toString(CONNECT_TIMEOUT_MS));
        properties.put(prefix + "timeout", Integer.toString(READ_TIMEOUT_MS));
        properties.put(prefix + "ssl.checkserveridentity", "true");
        properties.put(prefix + "peek", "true");
        properties.put(prefix + "partialfetch", "true");
        properties.put(prefix + "fetchsize", "16384");
        if (account.security() == ImapAccount.Security.STARTTLS) {
            properties.put(prefix + "starttls.enable", "true");
            properties.put(prefix + "starttls.required", "true");
        }
        if (account.trustedCertificate().isPresent()) {
            try {
                properties.put(prefix + "ssl.socketFactory", TrustedCertificate.socketFactory(account.trustedCertificate().get()));
            } catch (GeneralSecurityException e) {
                throw new MailSyncException(MailSyncException.Kind.CERTIFICATE_REJECTED, "the trusted certificate cannot be used", e);
            }
        }
        return properties;
    }

    private static void closeQuietly(Folder folder) {
        try {
            if (folder.isOpen()) {
                folder.close(false);
            }
        } catch (MessagingException alreadyGone) {
            // the connection is gone; nothing was changed on the server
        }
    }
}
