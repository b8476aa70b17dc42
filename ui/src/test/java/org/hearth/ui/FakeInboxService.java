package org.hearth.ui;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import org.hearth.assistant.task.triage.TriageCategory;
import org.hearth.ui.service.InboxService;

/**
 * An inbox service the test drives. Accounts and mails live in memory, and a relabel is stored, so a reload
 * shows what the service holds. Each refresh becomes a run the test makes report step by step on the fake's
 * own worker thread (as the real service reports from its threads), waiting until it has.
 */
final class FakeInboxService implements InboxService {

    /** The password {@link #addAccount} accepts; any other is rejected as the server would. */
    static final String RIGHT_PASSWORD = "richtig";

    record Relabel(MailItem mail, TriageCategory category, int priority) {
    }

    record Export(List<MailItem> mails, Path target) {
    }

    /** What the UI asked to add, with the password as it was handed over (the service clears the array). */
    record Attempt(NewAccount account, String password) {
    }

    final class FakeRun extends FakeJob<InboxRun.Listener> implements InboxRun {
        private final String accountId;

        FakeRun(String accountId, Listener listener) {
            super(worker, listener, Listener::cancelled);
            this.accountId = accountId;
        }

        String accountId() {
            return accountId;
        }

        /** Stores the mail, then reports it, as the service does. */
        void mail(MailItem mail) {
            report(l -> {
                store(mail);
                l.mail(mail);
            });
        }
    }

    private final FakeWorker worker = new FakeWorker("fake-inbox-worker");
    private final List<Account> accounts = new CopyOnWriteArrayList<>();
    private final Map<String, Map<String, MailItem>> stored = new LinkedHashMap<>();
    private final Map<String, Runnable> watchers = new LinkedHashMap<>();
    private final LinkedBlockingQueue<FakeRun> runs = new LinkedBlockingQueue<>();
    private final LinkedBlockingQueue<Relabel> relabels = new LinkedBlockingQueue<>();
    private final LinkedBlockingQueue<Attempt> attempts = new LinkedBlockingQueue<>();
    private final LinkedBlockingQueue<Export> exports = new LinkedBlockingQueue<>();
    private final AtomicInteger mailLoads = new AtomicInteger();

    /** The sign-in methods the firm set up; all of them unless a test says otherwise. */
    volatile Set<SignIn> signInMethods = EnumSet.allOf(SignIn.class);
    /** Makes OAuth sign-ins fail as they do when the firm's app registration is gone. */
    volatile boolean oauthNotSetUp;

    /** An account as if added earlier. */
    Account addStoredAccount(String id, String name) {
        Account account = new Account(id, name, name.toLowerCase() + "@example.de on imap.example.de", SignIn.PASSWORD, false);
        accounts.add(account);
        return account;
    }

    synchronized void store(MailItem mail) {
        stored.computeIfAbsent(mail.accountId(), id -> new LinkedHashMap<>()).put(mail.id(), mail);
    }

    synchronized MailItem stored(String accountId, String id) {
        return stored.getOrDefault(accountId, Map.of()).get(id);
    }

    @Override
    public List<Account> accounts() {
        return List.copyOf(accounts);
    }

    @Override
    public Account addAccount(NewAccount account, BooleanSupplier cancelled) throws AccountException {
        String password = account.password().map(String::new).orElse("");
        attempts.add(new Attempt(account, password));
        account.password().ifPresent(chars -> java.util.Arrays.fill(chars, '\0'));
        if (account.signIn() != SignIn.PASSWORD && oauthNotSetUp) {
            throw new AccountException(AccountException.Reason.SIGN_IN_NOT_SET_UP,
                    "No OAuth client id is set for this provider: register Hearth as an app in your firm's Microsoft 365 tenant");
        }
        if (account.signIn() == SignIn.PASSWORD && !password.equals(RIGHT_PASSWORD)) {
            throw new AccountException(AccountException.Reason.AUTHENTICATION_FAILED, "AUTHENTICATIONFAILED Invalid credentials");
        }
        Account added = new Account("acc-" + (accounts.size() + 1), account.name(),
                account.user() + " on " + account.host(), account.signIn(), false);
        accounts.add(added);
        return added;
    }

    @Override
    public Set<SignIn> signInMethods() {
        return signInMethods;
    }

    @Override
    public void removeAccount(String accountId) {
        accounts.removeIf(a -> a.id().equals(accountId));
    }

    @Override
    public Account setWriteBack(String accountId, boolean enabled) {
        Account changed = accounts.stream().filter(a -> a.id().equals(accountId)).findFirst().map(
                a -> new Account(a.id(), a.name(), a.address(), a.signIn(), enabled)).orElseThrow();
        accounts.replaceAll(a -> a.id().equals(accountId) ? changed : a);
        return changed;
    }

    @Override
    public synchronized List<MailItem> mails(String accountId) {
        mailLoads.incrementAndGet();
        return new ArrayList<>(stored.getOrDefault(accountId, Map.of()).values());
    }

    @Override
    public InboxRun refresh(String accountId, InboxRun.Listener listener) {
        FakeRun run = new FakeRun(accountId, listener);
        runs.add(run);
        return run;
    }

    @Override
    public synchronized AutoCloseable watch(String accountId, Runnable newMail) {
        watchers.put(accountId, newMail);
        return () -> {
            synchronized (this) {
                watchers.remove(accountId, newMail);
            }
        };
    }

    @Override
    public MailItem relabel(MailItem mail, TriageCategory category, int priority) {
        MailItem labelled = new MailItem(mail.accountId(), mail.id(), mail.from(), mail.to(), mail.subject(), mail.date(),
                mail.status(), mail.error(), category, priority, mail.needsReply(), mail.summary(), mail.reason(),
                mail.nextStep(), mail.deadlines(), mail.fileNumbers(), mail.attachments(), mail.body(), mail.modelText(), true);
        store(labelled);
        relabels.add(new Relabel(mail, category, priority));
        return labelled;
    }

    /** Writing to a file of this name fails, as on a full disk. */
    static final String UNWRITABLE = "voll.ics";

    @Override
    public void exportDeadlines(List<MailItem> mails, Path target) throws IOException {
        exports.add(new Export(List.copyOf(mails), target));
        if (target.getFileName().toString().equals(UNWRITABLE)) {
            throw new IOException("Kein Speicherplatz mehr auf dem Gerät");
        }
    }

    /** The next run the UI started, waiting for it (the UI starts runs from its background thread). */
    FakeRun nextRun() {
        return FakeWorker.next(runs, "no run was started");
    }

    Relabel nextRelabel() {
        return FakeWorker.next(relabels, "nothing was relabelled");
    }

    Attempt nextAttempt() {
        return FakeWorker.next(attempts, "no account was added");
    }

    Export nextExport() {
        return FakeWorker.next(exports, "no deadlines were exported");
    }

    int mailLoads() {
        return mailLoads.get();
    }

    synchronized boolean watching(String accountId) {
        return watchers.containsKey(accountId);
    }

    /** The folder got new mail: tells the account's watcher from the worker thread, as the service would. */
    void announceNewMail(String accountId) {
        worker.run(() -> {
            Runnable watcher;
            synchronized (this) {
                watcher = watchers.get(accountId);
            }
            if (watcher == null) {
                throw new AssertionError("nobody watches " + accountId);
            }
            watcher.run();
        });
    }

    /** Waits until everything handed to the worker (such as a cancel's confirmation) has run. */
    void awaitWorker() {
        worker.await();
    }
}
