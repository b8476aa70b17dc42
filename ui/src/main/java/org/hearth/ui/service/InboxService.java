package org.hearth.ui.service;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.hearth.assistant.task.triage.TriageCategory;
import org.hearth.ingest.mail.ImapAccount;
import java.util.Set;

/**
 * Mail accounts, their triaged mails, and the runs that fetch and triage new mail. Every method may be
 * slow (disk, network) unless it says otherwise: call it off the JavaFX thread.
 */
public interface InboxService {

    /** The saved accounts, in the order they were added. */
    List<Account> accounts();

    /**
     * Checks that the account can log in and read its folder, then saves it (the password or token goes to the
     * system keychain, never into a file). OAuth accounts open the system browser and wait for the user to sign in;
     * {@code cancelled} ends that wait.
     */
    Account addAccount(NewAccount account, java.util.function.BooleanSupplier cancelled) throws AccountException;

    /**
     * How accounts can sign in here: always by password, by Microsoft 365 or Google only where the firm set that
     * sign-in up. Returns at once (the firm's set-up is read when Hearth starts).
     */
    Set<SignIn> signInMethods();

    /** Forgets the account, its stored mails and its keychain entry. Nothing on the server changes. */
    void removeAccount(String accountId);

    /** Turns writing IMAP keywords back to the server on or off for one account (off when added). */
    Account setWriteBack(String accountId, boolean enabled);

    /** What is stored for the account, triaged or not, in no particular order. */
    List<MailItem> mails(String accountId);

    /**
     * Fetches the account's new mail and triages it, in the background. Starts at once; the listener hears
     * progress and each mail as it is stored, then exactly one of done, failed or cancelled.
     */
    InboxRun refresh(String accountId, InboxRun.Listener listener);

    /**
     * Watches the account's folder for new mail (IDLE where the server has it, polling otherwise, reconnecting
     * with backoff) and calls {@code newMail} from a background thread when some arrived; the UI then refreshes.
     * Closing the handle stops watching. Returns at once.
     */
    AutoCloseable watch(String accountId, Runnable newMail);

    /**
     * Stores the user's label for a mail (it replaces the model's) and shows it to the model as an example for
     * later mails. Returns the mail as now stored.
     */
    MailItem relabel(MailItem mail, TriageCategory category, int priority);

    /** Writes the deadlines of {@code mails} as an iCalendar file (one all-day event each). */
    void exportDeadlines(List<MailItem> mails, Path target) throws IOException;

    /** How the account logs in. The OAuth ones use the firm's client id when one is set in the settings. */
    enum SignIn { PASSWORD, MICROSOFT_365, GOOGLE }

    /** @param address shown to the user, e.g. "kanzlei@example.de on imap.example.de" */
    record Account(String id, String name, String address, SignIn signIn, boolean writeBack) {
    }

    /**
     * @param password           for {@link SignIn#PASSWORD}; the service clears the array once it is stored
     * @param trustedCertificate a PEM file with the server's own certificate, for a self-signed server
     */
    record NewAccount(String name, String host, int port, ImapAccount.Security security, String user, String folder,
                      SignIn signIn, Optional<char[]> password, Optional<Path> trustedCertificate) {
    }

    /** Adding an account failed; {@code reason} is for the UI to word, {@code detail} adds the server's words. */
    final class AccountException extends Exception {

        public enum Reason { AUTHENTICATION_FAILED, UNREACHABLE, CERTIFICATE_REJECTED, TLS_UNAVAILABLE,
            FOLDER_NOT_FOUND, BAD_CERTIFICATE_FILE, SIGN_IN_CANCELLED, KEYCHAIN_UNAVAILABLE,
            /** The firm has not set up this way of signing in (no app registered with Microsoft or Google). */
            SIGN_IN_NOT_SET_UP,
            OTHER;

            /** Whether the mail server itself answered this way; the other reasons arise here, on this computer. */
            public boolean fromServer() {
                return switch (this) {
                    case AUTHENTICATION_FAILED, UNREACHABLE, CERTIFICATE_REJECTED, TLS_UNAVAILABLE, FOLDER_NOT_FOUND -> true;
                    default -> false;
                };
            }
        }

        private static final long serialVersionUID = 1L;

        private final Reason reason;

        public AccountException(Reason reason, String detail) {
            super(detail);
            this.reason = reason;
        }

        public Reason reason() {
            return reason;
        }
    }

    enum Status {
        /** Fetched, waiting for the model. */
        PENDING,
        /** Triaged (or labelled by the user). */
        OK,
        /** Could not be read or triaged; {@link MailItem#error()} says why. */
        FAILED
    }

    record Deadline(LocalDate date, String what, String quote) {
    }

    record AttachmentInfo(String name, String mimeType, long size) {
    }

    /**
     * One stored mail. The triage fields are empty/default unless {@code status} is OK.
     *
     * @param id        stable key of the mail within its account
     * @param to        the recipients as written in the mail ("Name <address>"); empty for mails stored before
     *                  Hearth kept them
     * @param body      what the author wrote, as plain text (nothing remote loaded)
     * @param modelText the text exactly as the model saw it (plain text, nothing remote loaded)
     * @param corrected the category and priority are the user's, not the model's
     */
    record MailItem(String accountId, String id, String from, List<String> to, String subject, Optional<Instant> date,
                    Status status, Optional<String> error, TriageCategory category, int priority, boolean needsReply,
                    String summary, String reason, String nextStep, List<Deadline> deadlines, List<String> fileNumbers,
                    List<AttachmentInfo> attachments, String body, String modelText, boolean corrected) {

        public MailItem {
            to = List.copyOf(to);
            deadlines = List.copyOf(deadlines);
            fileNumbers = List.copyOf(fileNumbers);
            attachments = List.copyOf(attachments);
        }
    }

    /** One fetch-and-triage run. */
    interface InboxRun {

        /** Stops as soon as possible; mails already stored stay stored, the next run goes on from there. */
        void cancel();

        enum Stage { CONNECTING, FETCHING, WAITING_FOR_MODEL, TRIAGING }

        /** Why a run failed, for the UI to word. */
        record Failure(Reason reason, String detail) {
            public enum Reason { AUTHENTICATION_FAILED, UNREACHABLE, CERTIFICATE_REJECTED, CONNECTION_LOST,
                FOLDER_NOT_FOUND, NO_MODEL, MODEL_FAILED, OTHER }
        }

        /** @param fetched new mails stored this run; @param triaged mails triaged this run; @param failed of those, failed */
        record Summary(int fetched, int triaged, int failed) {
        }

        /** Called from background threads, in order, ending with exactly one of done, failed or cancelled. */
        interface Listener {
            void progress(Stage stage, long done, long total);

            /** A mail was stored or its triage finished (the same id may come twice: PENDING, then OK/FAILED). */
            void mail(MailItem mail);

            void done(Summary summary);

            void failed(Failure failure);

            void cancelled();
        }
    }
}
