package org.hearth.ingest.mail;

import jakarta.mail.FetchProfile;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.UIDFolder;
import jakarta.mail.search.ComparisonTerm;
import jakarta.mail.search.ReceivedDateTerm;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.List;
import java.util.Objects;
import java.util.function.BooleanSupplier;

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

    private final ImapConnector connector;
    private final SyncOptions options;

    public MailSync(ImapAccount account, SyncOptions options) {
        this.connector = new ImapConnector(account);
        this.options = Objects.requireNonNull(options, "options");
    }

    /**
     * One sync run. {@code credentials} are used for this login only and kept nowhere. Returns normally when every
     * new message was delivered or {@code cancelled} turned true; throws when the run could not finish, with the
     * messages delivered until then still delivered.
     */
    public SyncResult sync(MailCredentials credentials, SyncCursor cursor, Consumer consumer, Progress progress,
                           BooleanSupplier cancelled) throws MailSyncException {
        Objects.requireNonNull(credentials, "credentials");
        Objects.requireNonNull(cursor, "cursor");
        Objects.requireNonNull(consumer, "consumer");
        Objects.requireNonNull(progress, "progress");
        Objects.requireNonNull(cancelled, "cancelled");
        try (ImapConnector.OpenFolder open = connector.open(credentials, Folder.READ_ONLY)) {
            return new Run(open.folder(), cursor, consumer, progress, cancelled).run();
        } catch (MessagingException e) {
            throw connector.failure(e);
        }
    }

    /**
     * Logs in and opens the folder read-only, nothing more: whether an account works before it is saved. Throws
     * with the same kinds as {@link #sync}.
     */
    public void check(MailCredentials credentials) throws MailSyncException {
        Objects.requireNonNull(credentials, "credentials");
        try (ImapConnector.OpenFolder open = connector.open(credentials, Folder.READ_ONLY)) {
            ((UIDFolder) open.folder()).getUIDValidity();
        } catch (MessagingException e) {
            throw connector.failure(e);
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
                throw connector.connectionLost(e);
            }
            if (!folder.isOpen()) {
                // whatever was read may be incomplete: do not deliver it
                throw connector.connectionLost(null);
            }
            return mail;
        }
    }
}
