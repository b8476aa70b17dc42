package org.hearth.app.mail;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Optional;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;
import org.hearth.assistant.llama.ContextOptions;
import org.hearth.assistant.engine.Engine;
import org.hearth.assistant.task.triage.TriageExample;
import org.hearth.assistant.task.triage.TriageListener;
import org.hearth.assistant.task.triage.TriageMail;
import org.hearth.assistant.task.triage.TriageOutcome;
import org.hearth.assistant.task.triage.Triager;
import org.hearth.domain.Language;
import org.hearth.ingest.mail.MailCredentials;
import org.hearth.ingest.mail.MailMessage;
import org.hearth.ingest.mail.MailSync;
import org.hearth.ingest.mail.MailSyncException;
import org.hearth.ingest.mail.SyncOptions;
import org.hearth.ingest.mail.SyncResult;
import org.hearth.ui.service.InboxService.InboxRun.Stage;

/**
 * One refresh of an account: fetch its new mail into the store, then triage every mail still pending (also those
 * a crashed or cancelled run left behind). The model is only asked for when there is something to triage.
 * Each mail is stored as it arrives and each result as it is ready, so stopping at any point loses nothing.
 */
public final class InboxRefresh {

    /** Hears the run as it goes, on the running thread. */
    public interface Listener {
        default void progress(Stage stage, long done, long total) {
        }

        /** A mail was fetched and stored (pending, or failed when it could not be read at all). */
        default void fetched(StoredMail mail) {
        }

        /** A mail's triage was stored (OK or FAILED). */
        default void triaged(StoredMail mail) {
        }
    }

    /**
     * The engine the pending mails are triaged on, asked only when there are some: the local model (the CLI loads it;
     * the window waits for its shared one) or, where the user let triage leave, a server behind the anonymiser. Empty
     * leaves the mails pending for a later run (a server nobody has confirmed sending to yet).
     */
    @FunctionalInterface
    public interface EngineSource {
        Optional<Engine> await(List<StoredMail> pending, BooleanSupplier cancelled) throws InterruptedException;
    }

    /** How triage runs: the context (its sequences triage that many mails at once), language and limits. */
    public record TriageSettings(ContextOptions context, Language language, Triager.Limits limits) {
    }

    /**
     * @param fetched mails fetched and stored in this run
     * @param handled mails whose triage (or failure) was stored in this run, in the order they finished
     */
    public record Outcome(SyncResult sync, List<StoredMail> fetched, List<StoredMail> handled, boolean cancelled) {
    }

    private final MailStore store;
    private final SyncOptions syncOptions;

    public InboxRefresh(MailStore store, SyncOptions syncOptions) {
        this.store = Objects.requireNonNull(store, "store");
        this.syncOptions = Objects.requireNonNull(syncOptions, "syncOptions");
    }

    public Outcome run(MailAccount account, MailCredentials credentials, EngineSource engines, TriageSettings settings,
                       Listener listener, BooleanSupplier cancelled) throws MailSyncException, InterruptedException {
        listener.progress(Stage.CONNECTING, 0, 0);
        List<StoredMail> fetched = new ArrayList<>();
        SyncResult sync = new MailSync(account.imap(), syncOptions).sync(credentials, store.cursor(account.id()),
                message -> fetched.addAll(store(account, message, listener)),
                (done, total) -> listener.progress(Stage.FETCHING, done, total), cancelled);
        if (sync.cancelled() || cancelled.getAsBoolean()) {
            return new Outcome(sync, fetched, List.of(), true);
        }
        List<StoredMail> pending = store.pending(account.id());
        if (pending.isEmpty()) {
            return new Outcome(sync, fetched, List.of(), false);
        }
        listener.progress(Stage.WAITING_FOR_MODEL, 0, pending.size());
        Optional<Engine> engine;
        try {
            engine = engines.await(pending, cancelled);
        } catch (CancellationException e) {
            return new Outcome(sync, fetched, List.of(), true);
        }
        if (engine.isEmpty()) {
            return new Outcome(sync, fetched, List.of(), false);
        }
        List<StoredMail> handled = triage(account, pending, engine.get(), settings, listener, cancelled);
        return new Outcome(sync, fetched, handled, handled.size() < pending.size());
    }

    private List<StoredMail> store(MailAccount account, MailMessage message, Listener listener) {
        MailKey key = new MailKey(message.uidValidity(), message.uid());
        if (!store.storeFetched(account.id(), message, MailBodies.forTriage(message))) {
            return List.of();
        }
        if (MailBodies.unreadable(message)) {
            store.storeFailure(account.id(), key, "Hearth could not read this message: "
                    + message.parseProblem().orElse("no text"), java.util.Optional.empty());
        }
        StoredMail stored = store.mail(account.id(), key).orElseThrow();
        listener.fetched(stored);
        return List.of(stored);
    }

    private List<StoredMail> triage(MailAccount account, List<StoredMail> pending, Engine engine, TriageSettings settings,
                                    Listener listener, BooleanSupplier cancelled) {
        List<TriageExample> examples = store.examples();
        List<StoredMail> handled = new ArrayList<>();
        try (Triager triager = new Triager(engine, settings.language(), settings.limits())) {
            List<TriageMail> mails = new ArrayList<>();
            Map<String, String> modelTexts = new HashMap<>();
            for (StoredMail mail : pending) {
                TriageMail triageMail = new TriageMail(mail.key().toString(), mail.from(), mail.subject(),
                        mail.sentAt().map(at -> at.atZone(ZoneId.systemDefault()).toOffsetDateTime()).orElse(null), mail.body());
                mails.add(triageMail);
                modelTexts.put(triageMail.uid(), triager.prompt(triageMail, examples).user());
            }
            listener.progress(Stage.TRIAGING, 0, mails.size());
            triager.triage(mails, examples, new TriageListener() {
                @Override
                public void onOutcome(TriageOutcome outcome) {
                    MailKey key = MailKey.parse(outcome.uid());
                    String modelText = modelTexts.get(outcome.uid());
                    boolean stored = outcome.ok()
                            ? store.storeTriage(account.id(), key, outcome.json(), modelText)
                            : store.storeFailure(account.id(), key, outcome.error().orElse("no answer"), java.util.Optional.of(modelText));
                    if (stored) {
                        StoredMail mail = store.mail(account.id(), key).orElseThrow();
                        handled.add(mail);
                        listener.triaged(mail);
                    }
                }

                @Override
                public void onProgress(int done, int total) {
                    listener.progress(Stage.TRIAGING, done, total);
                }
            }, cancelled);
        }
        return handled;
    }
}
