package org.hearth.app.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.mail.Flags;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.hearth.app.secrets.InMemorySecretStore;
import org.hearth.assistant.llama.ContextOptions;
import org.hearth.assistant.llama.LlamaModel;
import org.hearth.assistant.llama.LlamaRuntime;
import org.hearth.assistant.task.triage.TriageCategory;
import org.hearth.assistant.task.triage.Triager;
import org.hearth.domain.Language;
import org.hearth.fixtures.gguf.TestModels;
import org.hearth.fixtures.mail.GreenMailServer;
import org.hearth.fixtures.mail.TestMails;
import org.hearth.ingest.mail.ImapAccount;
import org.hearth.ingest.mail.oauth.TokenClient;
import org.hearth.ui.service.InboxService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** The Inbox tab's real service against GreenMail and the tiny model: accounts, runs, labels, write-back. */
class LocalInboxServiceTest {

    @RegisterExtension
    static final TinyModel MODEL = new TinyModel();

    @TempDir
    Path dir;
    private GreenMailServer server;
    private MailStore store;
    private InMemorySecretStore secrets;
    private LocalInboxService service;

    @BeforeEach
    void start() throws Exception {
        server = new GreenMailServer();
        store = new MailStore(dir.resolve("hearth.db"));
        secrets = new InMemorySecretStore();
        service = new LocalInboxService(store, () -> secrets, MODEL.host()::lease,
                () -> new InboxRefresh.TriageSettings(ContextOptions.defaults().withThreads(1).withSequences(2).withContextLength(8192),
                        Language.GERMAN, new Triager.Limits(600, 2000)),
                method -> { throw new IllegalStateException("no OAuth in this test"); },
                uri -> { throw new AssertionError("no browser in this test"); }, new TokenClient());
    }

    @AfterEach
    void stop() {
        service.close();
        store.close();
        server.close();
    }

    private InboxService.NewAccount newAccount(String password) throws Exception {
        return new InboxService.NewAccount("Kanzlei", "127.0.0.1", server.imapsPort(), ImapAccount.Security.IMAPS,
                GreenMailServer.USER, "INBOX", InboxService.SignIn.PASSWORD, Optional.of(password.toCharArray()),
                Optional.of(GreenMailServer.certificatePem()));
    }

    @Test
    void aWrongPasswordIsNamedAndNothingIsSaved() {
        assertThatThrownBy(() -> service.addAccount(newAccount("wrong"), () -> false))
                .isInstanceOfSatisfying(InboxService.AccountException.class,
                        e -> assertThat(e.reason()).isEqualTo(InboxService.AccountException.Reason.AUTHENTICATION_FAILED));
        assertThat(service.accounts()).isEmpty();
    }

    @Test
    void aSelfSignedServerIsRefusedWithoutItsCertificate() throws Exception {
        InboxService.NewAccount untrusted = new InboxService.NewAccount("Kanzlei", "127.0.0.1", server.imapsPort(),
                ImapAccount.Security.IMAPS, GreenMailServer.USER, "INBOX", InboxService.SignIn.PASSWORD,
                Optional.of(GreenMailServer.PASSWORD.toCharArray()), Optional.empty());
        assertThatThrownBy(() -> service.addAccount(untrusted, () -> false))
                .isInstanceOfSatisfying(InboxService.AccountException.class,
                        e -> assertThat(e.reason()).isEqualTo(InboxService.AccountException.Reason.CERTIFICATE_REJECTED));
    }

    @Test
    void anAddedAccountKeepsItsPasswordInTheKeychainAndARunTriagesItsMail() throws Exception {
        InboxService.Account account = service.addAccount(newAccount(GreenMailServer.PASSWORD), () -> false);
        assertThat(account.writeBack()).isFalse();
        assertThat(secrets.get(store.account(account.id()).orElseThrow().secretKey())).get()
                .satisfies(secret -> assertThat(new String(secret)).isEqualTo(GreenMailServer.PASSWORD));
        assertThat(Files.readString(dir.resolve("hearth.db"), java.nio.charset.StandardCharsets.ISO_8859_1))
                .doesNotContain(GreenMailServer.PASSWORD);

        server.deliver(TestMails.plain(1));
        server.deliver(TestMails.latin1());
        Recorder recorder = refresh(account.id());

        assertThat(recorder.summary.get(2, TimeUnit.MINUTES)).isEqualTo(new InboxService.InboxRun.Summary(2, 2, 0));
        assertThat(recorder.mails).extracting(InboxService.MailItem::status)
                .containsExactly(InboxService.Status.PENDING, InboxService.Status.PENDING, InboxService.Status.OK, InboxService.Status.OK);
        List<InboxService.MailItem> stored = service.mails(account.id());
        assertThat(stored).hasSize(2).allSatisfy(mail -> {
            assertThat(mail.status()).isEqualTo(InboxService.Status.OK);
            assertThat(mail.priority()).isBetween(1, 5);
            assertThat(mail.modelText()).contains("<mail>").contains(mail.subject());
        });
    }

    @Test
    void aLabelPersistsAndWriteBackSetsOnlyHearthKeywordsWhenTurnedOn() throws Exception {
        InboxService.Account account = service.addAccount(newAccount(GreenMailServer.PASSWORD), () -> false);
        server.deliver(TestMails.plain(1));
        refresh(account.id()).summary.get(2, TimeUnit.MINUTES);
        assertThat(flags()).noneMatch(f -> f.getUserFlags().length > 0 || f.contains(Flags.Flag.SEEN));

        InboxService.MailItem first = service.mails(account.id()).getFirst();
        InboxService.MailItem relabelled = service.relabel(first, TriageCategory.COURT_OR_AUTHORITY, 5);
        assertThat(relabelled.corrected()).isTrue();
        assertThat(service.mails(account.id()).getFirst().priority()).isEqualTo(5);
        assertThat(store.examples()).singleElement().satisfies(e -> assertThat(e.priority()).isEqualTo(5));

        service.setWriteBack(account.id(), true);
        server.deliver(TestMails.plain(2));
        refresh(account.id()).summary.get(2, TimeUnit.MINUTES);
        StoredMail second = store.mails(account.id()).get(1);
        List<Flags> flags = flags();
        assertThat(flags.get(0).getUserFlags()).as("the mail triaged before write-back was on").isEmpty();
        assertThat(flags.get(1).getUserFlags()).containsExactlyInAnyOrderElementsOf(KeywordWriteBack.keywords(second));
        assertThat(flags).noneMatch(f -> f.contains(Flags.Flag.SEEN) || f.contains(Flags.Flag.DELETED));
    }

    @Test
    void writeBackSetsTheKeywordsOfTheTriageAndNoOtherFlag() throws Exception {
        InboxService.Account added = service.addAccount(newAccount(GreenMailServer.PASSWORD), () -> false);
        server.deliver(TestMails.plain(1));
        server.deliver(TestMails.plain(2));
        refresh(added.id()).summary.get(2, TimeUnit.MINUTES);
        MailAccount account = store.account(added.id()).orElseThrow();
        StoredMail stored = store.mails(account.id()).getFirst();
        StoredMail urgentWithDeadline = new StoredMail(stored.accountId(), stored.key(), stored.messageId(), stored.from(),
                stored.to(), stored.subject(), stored.sentAt(), stored.body(), stored.attachments(), stored.parseProblem(), stored.status(),
                stored.error(), Optional.of(org.hearth.assistant.task.triage.TriageResult.fromJson(
                        new com.fasterxml.jackson.databind.ObjectMapper().readTree(MailStoreTest.ANSWER))),
                Optional.of(MailStoreTest.ANSWER), stored.modelText(), Optional.empty());

        KeywordWriteBack.write(account, new org.hearth.ingest.mail.MailCredentials.Password(GreenMailServer.PASSWORD.toCharArray()),
                List.of(urgentWithDeadline));

        List<Flags> flags = flags();
        assertThat(flags.get(0).getUserFlags()).containsExactlyInAnyOrder(KeywordWriteBack.URGENT, KeywordWriteBack.NEEDS_REPLY,
                KeywordWriteBack.DEADLINE);
        assertThat(flags.get(0).getSystemFlags()).doesNotContain(Flags.Flag.SEEN, Flags.Flag.DELETED, Flags.Flag.ANSWERED);
        assertThat(flags.get(1).getUserFlags()).isEmpty();
    }

    @Test
    void deadlinesExportAsCalendarEvents() throws Exception {
        InboxService.MailItem mail = new InboxService.MailItem("a", "7:1", "Gericht", List.of(), "Verfügung", Optional.empty(),
                InboxService.Status.OK, Optional.empty(), TriageCategory.COURT_OR_AUTHORITY, 5, true, "s", "r", "n",
                List.of(new InboxService.Deadline(LocalDate.of(2026, 12, 1), "Replik", "bis zum 1.12.2026")), List.of(), List.of(), "b", "t", false);
        Path target = dir.resolve("fristen.ics");
        service.exportDeadlines(List.of(mail), target);
        assertThat(Files.readString(target)).contains("DTSTART;VALUE=DATE:20261201").contains("SUMMARY:Replik");
    }

    private List<Flags> flags() throws Exception {
        List<Flags> flags = new ArrayList<>();
        for (var message : server.greenMail().getReceivedMessages()) {
            flags.add(new Flags(message.getFlags()));
        }
        return flags;
    }

    private Recorder refresh(String accountId) {
        Recorder recorder = new Recorder();
        service.refresh(accountId, recorder);
        return recorder;
    }

    private static final class Recorder implements InboxService.InboxRun.Listener {
        final List<InboxService.MailItem> mails = new CopyOnWriteArrayList<>();
        final CompletableFuture<InboxService.InboxRun.Summary> summary = new CompletableFuture<>();

        @Override
        public void progress(InboxService.InboxRun.Stage stage, long done, long total) {
        }

        @Override
        public void mail(InboxService.MailItem mail) {
            mails.add(mail);
        }

        @Override
        public void done(InboxService.InboxRun.Summary result) {
            summary.complete(result);
        }

        @Override
        public void failed(InboxService.InboxRun.Failure failure) {
            summary.completeExceptionally(new AssertionError(failure.reason() + ": " + failure.detail()));
        }

        @Override
        public void cancelled() {
            summary.completeExceptionally(new AssertionError("cancelled"));
        }
    }
}
