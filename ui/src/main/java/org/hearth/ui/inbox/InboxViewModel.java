package org.hearth.ui.inbox;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.stream.Stream;
import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.IntegerBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.ObservableSet;
import javafx.collections.transformation.FilteredList;
import javafx.collections.transformation.SortedList;
import org.hearth.assistant.task.triage.TriageCategory;
import org.hearth.ui.common.Background;
import org.hearth.ui.common.Message;
import org.hearth.ui.common.ProgressTask;
import org.hearth.ui.common.RunningTasks;
import org.hearth.ui.service.InboxService;
import org.hearth.ui.service.InboxService.Account;
import org.hearth.ui.service.InboxService.AccountException;
import org.hearth.ui.service.InboxService.MailItem;
import org.hearth.ui.service.InboxService.NewAccount;
import org.hearth.ui.service.InboxService.SignIn;
import org.hearth.ui.service.InboxService.Status;
import org.hearth.ui.service.ReplyService;

/**
 * The Inbox tab's state: the accounts, the chosen account's mails in triage order, the category filter,
 * the selected mail, and the run that fetches and triages new mail. It changes on the JavaFX thread only;
 * service calls go to the background and their answers come back here.
 */
public final class InboxViewModel {

    /** From this priority on a mail counts as urgent for the navigation badge. */
    private static final int URGENT = 4;

    private final InboxService service;
    private final Background background;
    private final ObservableList<Account> accounts = FXCollections.observableArrayList();
    private final ReadOnlyObjectWrapper<Account> account = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyBooleanWrapper accountsLoaded = new ReadOnlyBooleanWrapper();
    private final ObservableList<MailItem> mails = FXCollections.observableArrayList();
    private final FilteredList<MailItem> filtered = new FilteredList<>(mails);
    private final SortedList<MailItem> shown = new SortedList<>(filtered, MailOrder.TRIAGE);
    private final ObjectProperty<Optional<TriageCategory>> filter = new SimpleObjectProperty<>(Optional.empty());
    private final ReadOnlyObjectWrapper<MailItem> selected = new ReadOnlyObjectWrapper<>();
    private final ObservableSet<MailKey> opened = FXCollections.observableSet();
    private final ReadOnlyObjectWrapper<Notice> notice = new ReadOnlyObjectWrapper<>();
    private final BooleanProperty writeBack = new SimpleBooleanProperty();
    private final InboxRunTask run;
    private final ReplyTask reply;
    // Held here: a binding nobody holds is collected, and its listeners go quiet.
    private final IntegerBinding urgentUnopened;
    private final BooleanBinding anyDeadlineShown;

    private AutoCloseable watching;
    /** Counts watch starts and stops, so a watch that answers after the account changed is closed at once. */
    private int watchGeneration;
    /** Counts mail loads, so only the latest one fills the list. */
    private int mailLoad;
    /** Mails the run reported while a load was under way; they are newer than the load may have seen. */
    private Map<String, MailItem> arrivedDuringLoad;
    private boolean newMailDuringRun;
    /**
     * True while rows are replaced. The list's selection may wander to a neighbour meanwhile; that is not
     * the user opening it (which would lower the badge), and the selection is put back afterwards.
     */
    private boolean replacingRows;
    /** True while {@link #writeBack} follows the account, so that is not taken for the user's switch. */
    private boolean followingAccount;

    /** Starts loading the accounts and the first account's mails in the background. */
    public InboxViewModel(InboxService service, ReplyService replies, RunningTasks runningTasks, Background background) {
        this.service = service;
        this.background = background;
        run = new InboxRunTask(service, background, runningTasks, this::mailArrived, this::runEnded);
        reply = new ReplyTask(replies, background, runningTasks);
        filtered.predicateProperty().bind(Bindings.createObjectBinding(() -> showing(filter.get()), filter));
        account.addListener((obs, old, now) -> showWriteBack(now));
        writeBack.addListener((obs, old, on) -> {
            if (!followingAccount) {
                storeWriteBack(on);
            }
        });
        selected.addListener((obs, old, mail) -> {
            if (mail != null) {
                opened.add(MailKey.of(mail));
            }
        });
        urgentUnopened = Bindings.createIntegerBinding(() -> (int) mails.stream()
                .filter(mail -> mail.status() == Status.OK && mail.priority() >= URGENT)
                .filter(mail -> !opened.contains(MailKey.of(mail)))
                .count(), mails, opened);
        anyDeadlineShown = Bindings.createBooleanBinding(() -> !withDeadlines().isEmpty(), shown);
        reload();
    }

    /** Reads the accounts and the chosen account's mails again, e.g. when the tab is opened. */
    public void reload() {
        background.run(service::accounts, loaded -> {
            String current = account.get() == null ? null : account.get().id();
            accounts.setAll(loaded);
            accountsLoaded.set(true);
            Optional<Account> same = loaded.stream().filter(a -> a.id().equals(current)).findFirst();
            if (same.isPresent()) {
                account.set(same.get());
                loadMails(same.get());
            } else {
                selectAccount(loaded.isEmpty() ? null : loaded.getFirst());
            }
        }, failure -> notice.set(Notice.danger(Message.of("inbox.loadFailed"))));
    }

    /** Shows another account's mails and watches its folder instead. */
    public void selectAccount(Account chosen) {
        Account current = account.get();
        if (chosen != null && current != null && chosen.id().equals(current.id())) {
            return;
        }
        stopWatching();
        account.set(chosen);
        mails.clear();
        selected.set(null);
        if (chosen != null) {
            loadMails(chosen);
            watch(chosen);
        }
    }

    /** Fetches and triages the chosen account's new mail, unless a run is already under way. */
    public void refresh() {
        Account current = account.get();
        if (current == null || run.isRunning()) {
            return;
        }
        newMailDuringRun = false;
        notice.set(null);
        run.start(current.id());
    }

    /** Stores the user's label; the row shows it once the service has it. */
    public void relabel(MailItem mail, TriageCategory category, int priority) {
        background.run(() -> service.relabel(mail, category, priority), stored -> {
            mailArrived(stored);
            notice.set(Notice.success(Message.of("inbox.relabelled")));
        }, failure -> notice.set(Notice.danger(Message.of("inbox.relabelFailed"))));
    }


    /**
     * Checks and saves a new account on a thread of its own (a browser sign-in may take minutes), then
     * shows it. Exactly one of {@code added} and {@code rejected} is called, on the JavaFX thread.
     */
    /** The sign-in methods the firm set up, in the order the dialog offers them. */
    List<SignIn> signInMethods() {
        Set<SignIn> available = service.signInMethods();
        return Stream.of(SignIn.values()).filter(available::contains).toList();
    }

    void addAccount(NewAccount newAccount, BooleanSupplier cancelled, Consumer<Account> added,
            Consumer<AccountException> rejected) {
        background.runAside(() -> service.addAccount(newAccount, cancelled), saved -> {
            accounts.add(saved);
            selectAccount(saved);
            added.accept(saved);
        }, failure -> rejected.accept(failure instanceof AccountException known
                ? known
                : new AccountException(AccountException.Reason.OTHER, "")));
    }

    /** Forgets the chosen account in Hearth (its stored mails and sign-in); nothing changes on the server. */
    public void removeAccount() {
        Account current = account.get();
        if (current == null) {
            return;
        }
        background.run(() -> {
            service.removeAccount(current.id());
            return service.accounts();
        }, remaining -> {
            accounts.setAll(remaining);
            selectAccount(remaining.isEmpty() ? null : remaining.getFirst());
        }, failure -> notice.set(Notice.danger(Message.of("inbox.removeFailed"))));
    }

    /** Writes the deadlines of the mails the filter shows as an iCalendar file. */
    public void exportDeadlines(Path target) {
        List<MailItem> withDeadlines = withDeadlines();
        String targetName = target.getFileName().toString();
        background.run(() -> {
            service.exportDeadlines(withDeadlines, target);
            return withDeadlines.size();
        }, count -> notice.set(Notice.success(Message.of("inbox.exported", count, targetName))),
                failure -> notice.set(Notice.danger(
                        Message.of("inbox.exportFailed", targetName, String.valueOf(failure.getMessage())))));
    }

    /** Stops watching for new mail; the window is closing. */
    public void close() {
        stopWatching();
    }

    public ObservableList<Account> accounts() {
        return accounts;
    }

    public ReadOnlyObjectProperty<Account> accountProperty() {
        return account.getReadOnlyProperty();
    }

    /** False until the accounts were read once, so "no account yet" is not claimed before that. */
    public ReadOnlyBooleanProperty accountsLoadedProperty() {
        return accountsLoaded.getReadOnlyProperty();
    }

    /** The chosen account's mails the filter lets through, in triage order. */
    public ObservableList<MailItem> shownMails() {
        return shown;
    }

    public ObjectProperty<Optional<TriageCategory>> filterProperty() {
        return filter;
    }

    /** The mail the user opened in the list. */
    public void select(MailItem mail) {
        if (!replacingRows) {
            selected.set(mail);
        }
    }

    public ReadOnlyObjectProperty<MailItem> selectedProperty() {
        return selected.getReadOnlyProperty();
    }

    /**
     * Whether Hearth writes its labels back to the chosen account's server as IMAP keywords. The user's
     * change is stored; if storing fails, it goes back to what is stored.
     */
    public BooleanProperty writeBackProperty() {
        return writeBack;
    }

    public ReadOnlyObjectProperty<Notice> noticeProperty() {
        return notice.getReadOnlyProperty();
    }

    public ProgressTask run() {
        return run;
    }

    /**
     * Urgent mails (priority 4 or 5) of the chosen account not opened in this window, for the navigation
     * badge: what still wants the user's eyes.
     */
    public IntegerBinding urgentUnopened() {
        return urgentUnopened;
    }

    /** Whether any mail the filter shows has a deadline to export. */
    public BooleanBinding anyDeadlineShown() {
        return anyDeadlineShown;
    }

    private List<MailItem> withDeadlines() {
        return shown.stream().filter(mail -> !mail.deadlines().isEmpty()).toList();
    }

    private void loadMails(Account of) {
        int load = ++mailLoad;
        arrivedDuringLoad = new HashMap<>();
        background.run(() -> service.mails(of.id()), loaded -> {
            if (load != mailLoad) {
                return;
            }
            Map<String, MailItem> newer = arrivedDuringLoad;
            arrivedDuringLoad = null;
            MailItem wasSelected = selected.get();
            replacingRows = true;
            mails.setAll(loaded);
            replacingRows = false;
            newer.values().forEach(this::upsert);
            if (wasSelected != null) {
                selected.set(mails.stream().filter(m -> m.id().equals(wasSelected.id())).findFirst().orElse(null));
            }
        }, failure -> {
            if (load == mailLoad) {
                arrivedDuringLoad = null;
                notice.set(Notice.danger(Message.of("inbox.loadFailed")));
            }
        });
    }

    /** A mail stored, triaged or relabelled: it replaces the row with its id, or is a new row. */
    private void mailArrived(MailItem mail) {
        Account current = account.get();
        if (current == null || !current.id().equals(mail.accountId())) {
            return;
        }
        if (arrivedDuringLoad != null) {
            arrivedDuringLoad.put(mail.id(), mail);
        }
        upsert(mail);
    }

    private void upsert(MailItem mail) {
        boolean wasSelected = selected.get() != null && selected.get().id().equals(mail.id());
        int index = indexOf(mail.id());
        replacingRows = true;
        if (index < 0) {
            mails.add(mail);
        } else {
            mails.set(index, mail);
        }
        replacingRows = false;
        if (wasSelected) {
            selected.set(mail);
        }
    }

    private int indexOf(String id) {
        for (int i = 0; i < mails.size(); i++) {
            if (mails.get(i).id().equals(id)) {
                return i;
            }
        }
        return -1;
    }

    private void runEnded(Notice outcome) {
        notice.set(outcome);
        if (newMailDuringRun) {
            refresh();
        }
    }

    private void newMail(String accountId) {
        Account current = account.get();
        if (current == null || !current.id().equals(accountId)) {
            return;
        }
        if (run.isRunning()) {
            newMailDuringRun = true;
        } else {
            refresh();
        }
    }

    private void storeWriteBack(boolean enabled) {
        Account current = account.get();
        if (current == null || current.writeBack() == enabled) {
            return;
        }
        background.run(() -> service.setWriteBack(current.id(), enabled), this::accountChanged, failure -> {
            notice.set(Notice.danger(Message.of("inbox.writeBackFailed")));
            showWriteBack(account.get());
        });
    }

    private void showWriteBack(Account shownAccount) {
        followingAccount = true;
        writeBack.set(shownAccount != null && shownAccount.writeBack());
        followingAccount = false;
    }

    private void accountChanged(Account changed) {
        accounts.replaceAll(a -> a.id().equals(changed.id()) ? changed : a);
        if (account.get() != null && account.get().id().equals(changed.id())) {
            account.set(changed);
        }
    }

    private void watch(Account watched) {
        int own = ++watchGeneration;
        String id = watched.id();
        background.run(() -> service.watch(id, () -> Platform.runLater(() -> newMail(id))), handle -> {
            if (own == watchGeneration) {
                watching = handle;
            } else {
                background.run(() -> closeQuietly(handle));
            }
        }, failure -> {
            if (own == watchGeneration) {
                notice.set(Notice.neutral(Message.of("inbox.watchFailed")));
            }
        });
    }

    private void stopWatching() {
        watchGeneration++;
        AutoCloseable handle = watching;
        watching = null;
        if (handle != null) {
            background.run(() -> closeQuietly(handle));
        }
    }

    /** A watch that fails to close is gone all the same; there is nothing the user could do about it. */
    private static void closeQuietly(AutoCloseable handle) {
        try {
            handle.close();
        } catch (Exception ignored) {
            // see above
        }
    }

    private static Predicate<MailItem> showing(Optional<TriageCategory> category) {
        return category
                .<Predicate<MailItem>>map(only -> mail -> mail.status() == Status.OK && mail.category() == only)
                .orElse(mail -> true);
    }

    /** Ids are unique within an account only. */
    private record MailKey(String accountId, String id) {
        static MailKey of(MailItem mail) {
            return new MailKey(mail.accountId(), mail.id());
        }
    }

    /** "Antwort entwerfen" on the selected mail; one reply at a time. */
    public void draftReply() {
        MailItem mail = selected.get();
        if (mail != null && !reply.isRunning()) {
            reply.start(mail);
        }
    }

    public ReplyTask reply() {
        return reply;
    }
}
