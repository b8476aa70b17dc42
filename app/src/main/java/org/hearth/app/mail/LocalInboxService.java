package org.hearth.app.mail;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import org.hearth.app.secrets.Keychain;
import org.hearth.app.export.DeadlinesCalendar;
import org.hearth.app.models.LeaseOnFirstUse;
import org.hearth.app.models.SharedModel;
import org.hearth.app.secrets.SecretStoreException;
import org.hearth.app.state.StateException;
import org.hearth.assistant.engine.EngineException;
import org.hearth.assistant.llama.LlamaException;
import org.hearth.assistant.task.triage.TriageCategory;
import org.hearth.ingest.mail.ImapAccount;
import org.hearth.ingest.mail.MailCredentials;
import org.hearth.ingest.mail.MailSync;
import org.hearth.ingest.mail.MailSyncException;
import org.hearth.ingest.mail.MailWatcher;
import org.hearth.app.privacy.NetworkGate;
import org.hearth.assistant.engine.local.LocalEngine;
import org.hearth.ingest.mail.SyncOptions;
import org.hearth.ingest.mail.WatchOptions;
import org.hearth.ingest.mail.oauth.AuthorizationCodeFlow;
import org.hearth.ingest.mail.oauth.Browser;
import org.hearth.ingest.mail.oauth.OAuthException;
import org.hearth.ingest.mail.oauth.OAuthProvider;
import org.hearth.ingest.mail.oauth.OAuthTokens;
import org.hearth.ingest.mail.oauth.TokenClient;
import org.hearth.ui.service.InboxService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Inbox tab's service: accounts in the mail database with their secrets in the keychain, refresh runs
 * (fetch, then triage on the shared model) one at a time on a worker thread, and watchers for new mail.
 */
public final class LocalInboxService implements InboxService, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(LocalInboxService.class);
    private static final Duration SIGN_IN_TIMEOUT = Duration.ofMinutes(5);

    private final MailStore store;
    private final Keychain secrets;
    private final SharedModel models;
    private final Supplier<InboxRefresh.TriageSettings> triageSettings;
    private final OAuthApps oauthApps;
    private final AccountCredentials credentials;
    private final Browser browser;
    private final TokenClient tokens;
    private final ExecutorService runs = Executors.newSingleThreadExecutor(Thread.ofPlatform().daemon().name("hearth-inbox").factory());

    public LocalInboxService(MailStore store, Keychain secrets, SharedModel models,
                             Supplier<InboxRefresh.TriageSettings> triageSettings, OAuthApps oauthApps, Browser browser,
                             TokenClient tokens) {
        this.store = store;
        this.secrets = secrets;
        this.models = models;
        this.triageSettings = triageSettings;
        this.oauthApps = oauthApps;
        this.credentials = new AccountCredentials(secrets, oauthApps, tokens);
        this.browser = browser;
        this.tokens = tokens;
    }

    @Override
    public List<Account> accounts() {
        return store.accounts().stream().map(LocalInboxService::account).toList();
    }

    @Override
    public Account addAccount(NewAccount request, BooleanSupplier cancelled) throws AccountException {
        String id = UUID.randomUUID().toString();
        Optional<String> pem = Optional.empty();
        if (request.trustedCertificate().isPresent()) {
            try {
                pem = Optional.of(MailAccounts.pem(request.trustedCertificate().get()));
            } catch (IOException e) {
                throw new AccountException(AccountException.Reason.BAD_CERTIFICATE_FILE, e.getMessage());
            }
        }
        MailAccount account;
        try {
            account = new MailAccount(id, request.name(), request.host(), request.port(),
                    request.security(), request.user(), request.folder(), request.signIn(), pem, false);
        } catch (IllegalArgumentException e) {
            throw new AccountException(AccountException.Reason.OTHER, e.getMessage());
        }
        char[] secret;
        MailCredentials credentials;
        if (request.signIn() == SignIn.PASSWORD) {
            secret = request.password().orElseThrow(() -> new AccountException(AccountException.Reason.AUTHENTICATION_FAILED, "no password"));
            credentials = new MailCredentials.Password(secret.clone());
        } else {
            OAuthTokens signedIn = signIn(account, cancelled);
            secret = signedIn.refreshToken().map(String::toCharArray).orElseThrow(() -> new AccountException(
                    AccountException.Reason.OTHER, "the provider gave no refresh token, so Hearth could not sign in again later"));
            credentials = new MailCredentials.OAuthToken(signedIn.accessToken());
        }
        try (NetworkGate.Permit permit = MailNetwork.server(account.imap())) {
            new MailSync(account.imap(), SyncOptions.DEFAULTS).check(credentials);
        } catch (MailSyncException e) {
            Arrays.fill(secret, '\0');
            throw new AccountException(reason(e.kind()), e.getMessage());
        }
        try {
            secrets.open().put(account.secretKey(), secret);
        } catch (SecretStoreException e) {
            throw new AccountException(AccountException.Reason.KEYCHAIN_UNAVAILABLE, e.getMessage());
        } finally {
            Arrays.fill(secret, '\0');
        }
        try {
            return account(store.addAccount(account));
        } catch (StateException e) {
            deleteSecret(account);
            throw new AccountException(AccountException.Reason.OTHER, e.getMessage());
        }
    }

    private OAuthTokens signIn(MailAccount account, BooleanSupplier cancelled) throws AccountException {
        OAuthProvider provider;
        try {
            provider = oauthApps.provider(account.signIn());
        } catch (OAuthClients.NotSetUpException e) {
            throw new AccountException(AccountException.Reason.SIGN_IN_NOT_SET_UP, e.getMessage());
        } catch (RuntimeException e) {
            throw new AccountException(AccountException.Reason.OTHER, e.getMessage());
        }
        try (NetworkGate.Permit permit = MailNetwork.signIn(provider.tokenEndpoint())) {
            return new AuthorizationCodeFlow(tokens).authorize(provider, account.user(), browser, cancelled, SIGN_IN_TIMEOUT);
        } catch (OAuthException e) {
            throw new AccountException(e.kind() == OAuthException.Kind.CANCELLED || e.kind() == OAuthException.Kind.DENIED
                    || e.kind() == OAuthException.Kind.TIMED_OUT ? AccountException.Reason.SIGN_IN_CANCELLED
                    : e.kind() == OAuthException.Kind.UNREACHABLE ? AccountException.Reason.UNREACHABLE
                    : AccountException.Reason.OTHER, e.getMessage());
        }
    }

    /** Password always; an OAuth sign-in where the firm set up its app, so the window offers none that must fail. */
    @Override
    public Set<SignIn> signInMethods() {
        Set<SignIn> methods = EnumSet.of(SignIn.PASSWORD);
        for (SignIn method : List.of(SignIn.MICROSOFT_365, SignIn.GOOGLE)) {
            try {
                oauthApps.provider(method);
                methods.add(method);
            } catch (RuntimeException notSetUp) {
                LOG.debug("{} sign-in is not offered: {}", method, notSetUp.getMessage());
            }
        }
        return methods;
    }

    @Override
    public void removeAccount(String accountId) {
        store.account(accountId).ifPresent(account -> {
            store.removeAccount(accountId);
            deleteSecret(account);
        });
    }

    private void deleteSecret(MailAccount account) {
        try {
            secrets.open().delete(account.secretKey());
        } catch (SecretStoreException | RuntimeException e) {
            LOG.warn("The keychain entry of {} could not be removed: {}", account, e.getMessage());
        }
    }

    @Override
    public Account setWriteBack(String accountId, boolean enabled) {
        return account(store.setWriteBack(accountId, enabled));
    }

    @Override
    public List<MailItem> mails(String accountId) {
        return store.mails(accountId).stream().map(MailItems::of).toList();
    }

    @Override
    public InboxRun refresh(String accountId, InboxRun.Listener listener) {
        AtomicBoolean cancelled = new AtomicBoolean();
        runs.execute(() -> run(accountId, listener, cancelled::get));
        return () -> cancelled.set(true);
    }

    private void run(String accountId, InboxRun.Listener listener, BooleanSupplier cancelled) {
        MailAccount account = store.account(accountId).orElseThrow(() -> new IllegalArgumentException("no such account"));
        try (LeaseOnFirstUse lease = new LeaseOnFirstUse(models, cancelled); NetworkGate.Permit permit = MailNetwork.server(account.imap())) {
            listener.progress(InboxRun.Stage.CONNECTING, 0, 0);
            MailCredentials credentials = this.credentials.of(account);
            InboxRefresh.Outcome outcome = new InboxRefresh(store, SyncOptions.DEFAULTS).run(account, credentials,
                    (pending, c) -> Optional.of(new LocalEngine(lease.model(), triageSettings.get().context())),
                    triageSettings.get(), new InboxRefresh.Listener() {
                        @Override
                        public void progress(InboxRun.Stage stage, long done, long total) {
                            listener.progress(stage, done, total);
                        }

                        @Override
                        public void fetched(StoredMail mail) {
                            listener.mail(MailItems.of(mail));
                        }

                        @Override
                        public void triaged(StoredMail mail) {
                            listener.mail(MailItems.of(mail));
                        }
                    }, lease::cancelled);
            if (account.writeBack() && !outcome.handled().isEmpty()) {
                KeywordWriteBack.write(account, credentials, outcome.handled());
            }
            if (outcome.cancelled()) {
                listener.cancelled();
                return;
            }
            int failed = (int) outcome.handled().stream().filter(m -> m.status() == InboxService.Status.FAILED).count();
            listener.done(new InboxRun.Summary(outcome.fetched().size(), outcome.handled().size(), failed));
        } catch (CancellationException e) {
            listener.cancelled();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            listener.cancelled();
        } catch (MailSyncException e) {
            listener.failed(new InboxRun.Failure(failure(e.kind()), e.getMessage()));
        } catch (LlamaException | EngineException e) {
            listener.failed(new InboxRun.Failure(InboxRun.Failure.Reason.MODEL_FAILED, e.getMessage()));
        } catch (AccountCredentials.SignInNeeded e) {
            listener.failed(new InboxRun.Failure(InboxRun.Failure.Reason.AUTHENTICATION_FAILED, e.getMessage()));
        } catch (RuntimeException e) {
            LOG.warn("A mail refresh failed", e);
            listener.failed(new InboxRun.Failure(InboxRun.Failure.Reason.OTHER, e.getMessage()));
        }
    }

    @Override
    public AutoCloseable watch(String accountId, Runnable newMail) {
        MailAccount account = store.account(accountId).orElseThrow(() -> new IllegalArgumentException("no such account"));
        MailWatcher watcher = new MailWatcher(account.imap(), () -> {
            try {
                return credentials.of(account);
            } catch (AccountCredentials.SignInNeeded e) {
                throw new IllegalStateException(e.getMessage(), e);
            }
        }, new MailWatcher.Listener() {
            @Override
            public void newMail() {
                newMail.run();
            }

            @Override
            public void state(MailWatcher.State state, Optional<MailSyncException> why) {
                LOG.info("Watching {}: {}{}", account, state, why.map(e -> " (" + e.kind() + ")").orElse(""));
            }
        }, WatchOptions.DEFAULTS);
        NetworkGate.Permit permit = MailNetwork.server(account.imap());
        watcher.start();
        return () -> {
            try (permit) {
                watcher.close();
            }
        };
    }

    @Override
    public MailItem relabel(MailItem mail, TriageCategory category, int priority) {
        return MailItems.of(store.relabel(mail.accountId(), MailKey.parse(mail.id()), category, priority));
    }

    @Override
    public void exportDeadlines(List<MailItem> mails, Path target) throws IOException {
        List<DeadlinesCalendar.Event> events = new ArrayList<>();
        for (MailItem mail : mails) {
            for (int i = 0; i < mail.deadlines().size(); i++) {
                Deadline deadline = mail.deadlines().get(i);
                events.add(new DeadlinesCalendar.Event(mail.accountId() + "-" + mail.id().replace(':', '-') + "-" + i, deadline.date(),
                        deadline.what(), "\"" + deadline.quote() + "\"\n" + mail.from() + ": " + mail.subject()));
            }
        }
        DeadlinesCalendar.write(events, target, Instant.now());
    }

    @Override
    public void close() {
        runs.shutdownNow();
    }

    private static Account account(MailAccount account) {
        return new Account(account.id(), account.name(), account.address(), account.signIn(),
                account.writeBack());
    }

    private static AccountException.Reason reason(MailSyncException.Kind kind) {
        return switch (kind) {
            case AUTHENTICATION_FAILED -> AccountException.Reason.AUTHENTICATION_FAILED;
            case UNREACHABLE, CONNECTION_LOST -> AccountException.Reason.UNREACHABLE;
            case CERTIFICATE_REJECTED -> AccountException.Reason.CERTIFICATE_REJECTED;
            case TLS_UNAVAILABLE -> AccountException.Reason.TLS_UNAVAILABLE;
            case FOLDER_NOT_FOUND -> AccountException.Reason.FOLDER_NOT_FOUND;
            default -> AccountException.Reason.OTHER;
        };
    }

    private static InboxRun.Failure.Reason failure(MailSyncException.Kind kind) {
        return switch (kind) {
            case AUTHENTICATION_FAILED -> InboxRun.Failure.Reason.AUTHENTICATION_FAILED;
            case UNREACHABLE -> InboxRun.Failure.Reason.UNREACHABLE;
            case CERTIFICATE_REJECTED, TLS_UNAVAILABLE -> InboxRun.Failure.Reason.CERTIFICATE_REJECTED;
            case CONNECTION_LOST -> InboxRun.Failure.Reason.CONNECTION_LOST;
            case FOLDER_NOT_FOUND -> InboxRun.Failure.Reason.FOLDER_NOT_FOUND;
            default -> InboxRun.Failure.Reason.OTHER;
        };
    }
}
