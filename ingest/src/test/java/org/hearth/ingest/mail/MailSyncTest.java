package org.hearth.ingest.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.icegreen.greenmail.store.MailFolder;
import com.icegreen.greenmail.store.StoredMessage;
import jakarta.mail.Flags;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.hearth.fixtures.mail.CuttableRelay;
import org.hearth.fixtures.mail.TestMails;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class MailSyncTest {

    @RegisterExtension
    final TestImapServer server = new TestImapServer();

    /** A caller that stores the cursor after every delivered message, as the real one does. */
    private static final class Recorder implements MailSync.Consumer {
        final List<MailMessage> messages = new ArrayList<>();
        SyncCursor cursor = SyncCursor.NONE;

        @Override
        public void accept(MailMessage message) {
            messages.add(message);
            cursor = message.cursor();
        }

        List<Long> uids() {
            return messages.stream().map(MailMessage::uid).toList();
        }
    }

    private SyncResult sync(ImapAccount account, SyncOptions options, SyncCursor cursor, MailSync.Consumer consumer)
            throws MailSyncException {
        return new MailSync(account, options).sync(TestImapServer.password(), cursor, consumer,
                MailSync.Progress.NONE, () -> false);
    }

    private void deliverPlain(int from, int to) throws Exception {
        for (int n = from; n <= to; n++) {
            server.deliver(TestMails.plain(n));
        }
    }

    @Test
    void firstSyncGetsAllAndTheNextOnlyNewUids() throws Exception {
        deliverPlain(1, 3);
        Recorder first = new Recorder();
        SyncResult one = sync(server.account(), SyncOptions.DEFAULTS, SyncCursor.NONE, first);

        assertThat(first.messages).extracting(MailMessage::subject).containsExactly("Mail 1", "Mail 2", "Mail 3");
        assertThat(first.uids()).isSorted().doesNotHaveDuplicates();
        assertThat(one.delivered()).isEqualTo(3);
        assertThat(one.resynced()).isFalse();
        assertThat(one.cursor()).isEqualTo(first.cursor);
        assertThat(first.messages.getFirst().bodyText()).contains("Nachricht Nummer 1");

        deliverPlain(4, 5);
        Recorder second = new Recorder();
        SyncResult two = sync(server.account(), SyncOptions.DEFAULTS, one.cursor(), second);
        assertThat(second.messages).extracting(MailMessage::subject).containsExactly("Mail 4", "Mail 5");
        assertThat(second.uids()).allSatisfy(uid -> assertThat(uid).isGreaterThan(one.cursor().highestUid()));

        Recorder third = new Recorder();
        SyncResult nothing = sync(server.account(), SyncOptions.DEFAULTS, two.cursor(), third);
        assertThat(third.messages).isEmpty();
        assertThat(nothing.cursor()).isEqualTo(two.cursor());
    }

    @Test
    void aChangedUidValidityResyncsEverything() throws Exception {
        deliverPlain(1, 2);
        Recorder first = new Recorder();
        SyncResult one = sync(server.account(), SyncOptions.DEFAULTS, SyncCursor.NONE, first);
        // GreenMail derives UIDVALIDITY from the clock in seconds, so recreating the folder within a second would
        // keep it; a cursor from "another" UIDVALIDITY is the same situation for the client, reliably.
        SyncCursor stale = new SyncCursor(one.cursor().uidValidity() + 1, 999);

        Recorder again = new Recorder();
        SyncResult resync = sync(server.account(), SyncOptions.DEFAULTS, stale, again);

        assertThat(resync.resynced()).isTrue();
        assertThat(again.uids()).isEqualTo(first.uids());
        assertThat(resync.cursor()).isEqualTo(one.cursor());
    }

    @Test
    void aConnectionDroppedMidFetchResumesWithoutDuplicatesOrGaps() throws Exception {
        deliverPlain(1, 6);
        try (CuttableRelay relay = new CuttableRelay(server.imapsPort())) {
            ImapAccount viaRelay = server.account(relay.port());
            SyncOptions smallBatches = SyncOptions.DEFAULTS.withBatchSize(2);
            Recorder recorder = new Recorder();
            MailSync.Consumer cutAfterThree = message -> {
                recorder.accept(message);
                if (recorder.messages.size() == 3) {
                    relay.cut();
                }
            };

            assertThatThrownBy(() -> sync(viaRelay, smallBatches, SyncCursor.NONE, cutAfterThree))
                    .isInstanceOfSatisfying(MailSyncException.class,
                            e -> assertThat(e.kind()).isEqualTo(MailSyncException.Kind.CONNECTION_LOST));
            assertThat(recorder.messages).hasSize(3);

            sync(viaRelay, smallBatches, recorder.cursor, recorder);
            assertThat(recorder.messages).extracting(MailMessage::subject)
                    .containsExactly("Mail 1", "Mail 2", "Mail 3", "Mail 4", "Mail 5", "Mail 6");
            assertThat(recorder.uids()).doesNotHaveDuplicates().isSorted();
        }
    }

    @Test
    void aConsumerFailureRedeliversThatMessageNextTime() throws Exception {
        deliverPlain(1, 4);
        Recorder recorder = new Recorder();
        MailSync.Consumer failOnThird = message -> {
            if (recorder.messages.size() == 2) {
                throw new IllegalStateException("disk full");
            }
            recorder.accept(message);
        };
        assertThatThrownBy(() -> sync(server.account(), SyncOptions.DEFAULTS, SyncCursor.NONE, failOnThird))
                .isInstanceOfSatisfying(MailSyncException.class,
                        e -> assertThat(e.kind()).isEqualTo(MailSyncException.Kind.CONSUMER_FAILED));

        sync(server.account(), SyncOptions.DEFAULTS, recorder.cursor, recorder);
        assertThat(recorder.messages).extracting(MailMessage::subject)
                .containsExactly("Mail 1", "Mail 2", "Mail 3", "Mail 4");
    }

    @Test
    void theFolderIsUnchangedAfterwards() throws Exception {
        deliverPlain(1, 3);
        server.deliver(TestMails.withAttachment(10_000));
        sync(server.account(), SyncOptions.DEFAULTS, SyncCursor.NONE, new Recorder());

        MailFolder inbox = server.greenMail.getManagers().getImapHostManager().getInbox(server.user);
        assertThat(inbox.getMessageCount()).isEqualTo(4);
        for (StoredMessage stored : inbox.getMessages()) {
            assertThat(stored.getFlags().getSystemFlags()).doesNotContain(Flags.Flag.SEEN);
            assertThat(stored.isSet(Flags.Flag.SEEN)).isFalse();
            assertThat(stored.isSet(Flags.Flag.DELETED)).isFalse();
        }
    }

    @Test
    void limitTakesTheOldestNewOnesAndTheRestComeNextTime() throws Exception {
        deliverPlain(1, 5);
        Recorder recorder = new Recorder();
        SyncResult limited = sync(server.account(), SyncOptions.DEFAULTS.withLimit(2), SyncCursor.NONE, recorder);
        assertThat(limited.total()).isEqualTo(2);
        assertThat(recorder.messages).extracting(MailMessage::subject).containsExactly("Mail 1", "Mail 2");

        sync(server.account(), SyncOptions.DEFAULTS, recorder.cursor, recorder);
        assertThat(recorder.messages).hasSize(5).extracting(MailMessage::uid).doesNotHaveDuplicates();
    }

    @Test
    void sinceSkipsMessagesReceivedBeforeThatDay() throws Exception {
        deliverPlain(1, 2);
        Recorder future = new Recorder();
        sync(server.account(), SyncOptions.DEFAULTS.withSince(LocalDate.now().plusDays(2)), SyncCursor.NONE, future);
        assertThat(future.messages).isEmpty();

        Recorder recent = new Recorder();
        sync(server.account(), SyncOptions.DEFAULTS.withSince(LocalDate.now().minusDays(1)), SyncCursor.NONE, recent);
        assertThat(recent.messages).hasSize(2);
    }

    @Test
    void progressCountsUpAndCancelStopsBetweenMessages() throws Exception {
        deliverPlain(1, 5);
        List<String> updates = new ArrayList<>();
        Recorder recorder = new Recorder();
        SyncResult result = new MailSync(server.account(), SyncOptions.DEFAULTS.withBatchSize(2))
                .sync(TestImapServer.password(), SyncCursor.NONE, recorder,
                        (done, total) -> updates.add(done + "/" + total), () -> recorder.messages.size() >= 3);

        assertThat(result.cancelled()).isTrue();
        assertThat(result.delivered()).isEqualTo(3);
        assertThat(result.cursor()).isEqualTo(recorder.cursor);
        assertThat(updates).containsExactly("0/5", "1/5", "2/5", "3/5");
    }

    @Test
    void aWrongPasswordIsAClearErrorWithoutThePassword() throws Exception {
        MailSync sync = new MailSync(server.account(), SyncOptions.DEFAULTS);
        assertThatThrownBy(() -> sync.sync(new MailCredentials.Password("wrong-password-42".toCharArray()), SyncCursor.NONE, new Recorder(),
                MailSync.Progress.NONE, () -> false))
                .isInstanceOfSatisfying(MailSyncException.class, e -> {
                    assertThat(e.kind()).isEqualTo(MailSyncException.Kind.AUTHENTICATION_FAILED);
                    assertThat(e.getMessage()).contains("127.0.0.1").contains("password")
                            .doesNotContain("wrong-password-42").doesNotContain(TestImapServer.USER);
                });
    }

    @Test
    void anUnreachableServerIsAClearErrorNamingTheHost() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket()) {
            socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            closedPort = socket.getLocalPort();
        }
        MailSync sync = new MailSync(server.account(closedPort), SyncOptions.DEFAULTS);
        assertThatThrownBy(() -> sync.sync(TestImapServer.password(), SyncCursor.NONE, new Recorder(),
                MailSync.Progress.NONE, () -> false))
                .isInstanceOfSatisfying(MailSyncException.class, e -> {
                    assertThat(e.kind()).isEqualTo(MailSyncException.Kind.UNREACHABLE);
                    assertThat(e.getMessage()).contains("127.0.0.1:" + closedPort);
                });
    }

    @Test
    void anUntrustedCertificateIsRefused() throws Exception {
        ImapAccount account = new ImapAccount("127.0.0.1", server.imapsPort(), ImapAccount.Security.IMAPS,
                TestImapServer.USER, "INBOX", Optional.empty());
        AtomicReference<MailSyncException> error = new AtomicReference<>();
        assertThatThrownBy(() -> sync(account, SyncOptions.DEFAULTS, SyncCursor.NONE, new Recorder()))
                .isInstanceOfSatisfying(MailSyncException.class, error::set);
        assertThat(error.get().kind()).isEqualTo(MailSyncException.Kind.CERTIFICATE_REJECTED);
        assertThat(error.get().getMessage()).contains("127.0.0.1");
    }

    @Test
    void starttlsIsRequiredNeverPlaintext() throws Exception {
        // GreenMail's IMAP offers no STARTTLS: the login must not happen in the clear.
        ImapAccount account = new ImapAccount("127.0.0.1", server.imapPort(), ImapAccount.Security.STARTTLS,
                TestImapServer.USER, "INBOX", Optional.of(TestImapServer.certificate()));
        assertThatThrownBy(() -> sync(account, SyncOptions.DEFAULTS, SyncCursor.NONE, new Recorder()))
                .isInstanceOfSatisfying(MailSyncException.class,
                        e -> assertThat(e.kind()).isEqualTo(MailSyncException.Kind.TLS_UNAVAILABLE));
    }

    @Test
    void aMissingFolderIsAClearError() throws Exception {
        assertThatThrownBy(() -> sync(server.account().withFolder("Nirgendwo"), SyncOptions.DEFAULTS, SyncCursor.NONE, new Recorder()))
                .isInstanceOfSatisfying(MailSyncException.class,
                        e -> assertThat(e.kind()).isEqualTo(MailSyncException.Kind.FOLDER_NOT_FOUND));
    }

    @Test
    void aMixedMailboxYieldsTextForEveryMessageAndListsAttachmentsWithoutDownloadingThem() throws Exception {
        int attachmentBytes = 1_500_000;
        server.deliver(TestMails.multipartAlternative());
        server.deliver(TestMails.base64());
        server.deliver(TestMails.quotedPrintable());
        server.deliver(TestMails.latin1());
        server.deliver(TestMails.htmlWithHiddenInjection());
        server.deliver(TestMails.withAttachment(attachmentBytes));
        // (the broken MIME message is in MimeTextTest: GreenMail itself fails on its BODYSTRUCTURE and drops the connection)
        server.deliver(TestMails.large(200_000));

        try (CuttableRelay relay = new CuttableRelay(server.imapsPort())) {
            Recorder recorder = new Recorder();
            sync(server.account(relay.port()), SyncOptions.DEFAULTS.withMaxBodyBytes(50_000), SyncCursor.NONE, recorder);
            List<MailMessage> m = recorder.messages;
            assertThat(m).hasSize(7);

            assertThat(m.get(0).bodyText()).contains("(plain)").doesNotContain("(html)");
            assertThat(m.get(1).bodyText()).contains("Die Frist läuft am 30.06. ab. Grüße aus München");
            assertThat(m.get(2).bodyText()).contains("Bitte prüfen Sie die Unterlagen bis Freitag, dann können wir einreichen.");
            assertThat(m.get(2).subject()).isEqualTo("Grüße");
            assertThat(m.get(3).bodyText()).contains("Ärger über die Kündigung: Straße, Größe, Öl.");
            assertThat(m.get(3).subject()).isEqualTo("Kündigung");
            assertThat(m.get(4).bodyText()).contains("Rechnung Nr. 4711").doesNotContain(TestMails.HIDDEN_INSTRUCTION);
            assertThat(m.get(5).attachments()).singleElement().satisfies(a -> {
                assertThat(a.name()).isEqualTo("Schriftsatz.pdf");
                assertThat(a.mimeType()).isEqualTo("application/pdf");
                assertThat(a.size()).isGreaterThan(attachmentBytes);
            });
            assertThat(m.get(5).bodyText()).isEqualTo("Anbei der Schriftsatz.");
            assertThat(m.get(6).truncated()).isTrue();
            assertThat(m.get(6).bodyText().length()).isLessThanOrEqualTo(50_000);
            assertThat(m).allSatisfy(x -> assertThat(x.parseProblem()).isEmpty());
            // the 1.5 MB attachment (2 MB encoded) and the 200 kB body were not transferred
            assertThat(relay.bytesFromServer()).isLessThan(400_000);
        }
    }
}
