package org.hearth.ingest.mail;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.store.MailFolder;
import jakarta.mail.Flags;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.hearth.fixtures.mail.CuttableRelay;
import org.hearth.fixtures.mail.TestMails;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.Timeout;

/**
 * The watcher against GreenMail (which offers IDLE) through a relay. GreenMail starts listening for new mail only
 * after it answered the IDLE command, so the tests deliver only once it listens ({@link #awaitIdling}, see
 * {@link IdleListeners}); a real server has no such gap, and mail delivered before the IDLE is covered anyway.
 * A watcher that does not stop would hang the build: each test fails after a minute instead.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class MailWatcherTest {

    /** Unlike every backoff step, so the scripted sleeper can tell renewal waits apart. */
    private static final Duration RENEWAL = Duration.ofMinutes(7);
    private static final Duration ANSWER_TIMEOUT = Duration.ofSeconds(30);

    @RegisterExtension
    final TestImapServer server = new TestImapServer();
    private CuttableRelay relay;
    private final ScriptedSleeper sleeper = new ScriptedSleeper(RENEWAL);
    private final WatchLog log = new WatchLog();
    private final List<MailWatcher> watchers = new ArrayList<>();
    private IdleListeners idleListeners;
    /** IDLE commands the server has begun listening for so far, across connections. */
    private int idles;

    @BeforeEach
    void start() throws Exception {
        relay = new CuttableRelay(server.imapsPort());
        idleListeners = IdleListeners.of(server.greenMail.getManagers().getImapHostManager().getInbox(server.user));
    }

    @AfterEach
    void stop() throws Exception {
        watchers.forEach(MailWatcher::close);
        relay.close();
    }

    private ImapAccount viaRelay() throws Exception {
        return server.account(relay.port());
    }

    private WatchOptions scripted() {
        return WatchOptions.DEFAULTS.withIdleRenewal(RENEWAL).withSleeper(sleeper);
    }

    private MailWatcher watch(ImapAccount account, Supplier<MailCredentials> credentials, WatchOptions options) {
        MailWatcher watcher = new MailWatcher(account, credentials, log, options);
        watchers.add(watcher);
        watcher.start();
        return watcher;
    }

    private MailWatcher watch(ImapAccount account, WatchOptions options) {
        return watch(account, TestImapServer::password, options);
    }

    /** Waits for the IDLE report (checking the events up to it), then until the server listens for new mail. */
    private void awaitIdling(String... eventsUpToIdle) throws InterruptedException {
        assertThat(log.until("IDLE")).containsExactly(eventsUpToIdle);
        awaitServerIdling();
    }

    private void awaitServerIdling() throws InterruptedException {
        idles++;
        assertThat(idleListeners.awaitAdded(idles, ANSWER_TIMEOUT.toSeconds(), TimeUnit.SECONDS))
                .as("the server idles (IDLE number %d)", idles).isTrue();
    }

    @Test
    void mailDeliveredWhileIdlingIsReportedAndNothingBecomesSeen() throws Exception {
        server.deliver(TestMails.plain(1));
        MailWatcher watcher = watch(viaRelay(), scripted());
        // mail already there when watching starts is the caller's first sync, not news
        awaitIdling("CONNECTED", "IDLE");

        server.deliver(TestMails.plain(2));
        assertThat(log.until(WatchLog.NEW_MAIL)).containsExactly(WatchLog.NEW_MAIL);

        watcher.close();
        assertThat(log.rest()).containsExactly("STOPPED");
        MailFolder inbox = server.greenMail.getManagers().getImapHostManager().getInbox(server.user);
        assertThat(inbox.getMessages()).hasSize(2).noneMatch(stored -> stored.isSet(Flags.Flag.SEEN));
    }

    @Test
    void withoutIdleItPollsAndReportsMail() throws Exception {
        MailWatcher watcher = watch(viaRelay(), WatchOptions.DEFAULTS.polling().withPollInterval(Duration.ofMillis(50)));
        assertThat(log.until("POLLING")).containsExactly("CONNECTED", "POLLING");

        server.deliver(TestMails.plain(1));
        assertThat(log.until(WatchLog.NEW_MAIL)).containsExactly(WatchLog.NEW_MAIL);

        watcher.close();
        assertThat(log.rest()).containsExactly("STOPPED");
    }

    @Test
    void idleIsRenewedAndStillReportsMailAfterwards() throws Exception {
        AtomicLong bytesWhenRenewalWaitBegan = new AtomicLong();
        sleeper.onRenewalWait(() -> bytesWhenRenewalWaitBegan.set(relay.bytesFromServer()));
        watch(viaRelay(), scripted());
        awaitIdling("CONNECTED", "IDLE");
        sleeper.awaitRenewalWait();
        long beforeRenewal = relay.bytesFromServer(); // idling: the connection is quiet

        sleeper.allowRenewal();
        // the renewal thread waits again right after its command went through, which Angus sends after DONE
        sleeper.awaitRenewalWait();
        long afterRenewal = bytesWhenRenewalWaitBegan.get();
        assertThat(afterRenewal).as("the server answered the renewal").isGreaterThan(beforeRenewal);
        awaitServerIdling(); // IDLE issued again

        server.deliver(TestMails.plain(1));
        assertThat(log.until(WatchLog.NEW_MAIL)).containsExactly(WatchLog.NEW_MAIL);
        assertThat(sleeper.pendingWaits()).as("no reconnect").isZero();
    }

    @Test
    void aCutConnectionIsReestablishedAndMailFromTheGapIsReportedOnce() throws Exception {
        watch(viaRelay(), scripted());
        awaitIdling("CONNECTED", "IDLE");

        relay.cut();
        assertThat(log.until("RECONNECTING:CONNECTION_LOST")).containsExactly("RECONNECTING:CONNECTION_LOST");
        assertThat(sleeper.nextWait()).isBetween(Duration.ofMillis(900), Duration.ofSeconds(1));
        server.deliver(TestMails.plain(1));
        server.deliver(TestMails.plain(2));
        server.deliver(TestMails.plain(3));
        sleeper.allowWaits(1);
        awaitIdling("CONNECTED", WatchLog.NEW_MAIL, "IDLE");

        server.deliver(TestMails.plain(4));
        assertThat(log.until(WatchLog.NEW_MAIL)).containsExactly(WatchLog.NEW_MAIL);

        relay.cut();
        assertThat(log.until("RECONNECTING:CONNECTION_LOST")).containsExactly("RECONNECTING:CONNECTION_LOST");
        // the successful connect in between started the backoff over
        assertThat(sleeper.nextWait()).isBetween(Duration.ofMillis(900), Duration.ofSeconds(1));
        sleeper.allowWaits(1);
        // mail 4 was reported in the last connection: the catch-up does not report it again
        awaitIdling("CONNECTED", "IDLE");
    }

    @Test
    void reconnectWaitsDoubleFromOneSecondUpToFiveMinutes() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket()) {
            socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            closedPort = socket.getLocalPort();
        }
        long[] nominalSeconds = {1, 2, 4, 8, 16, 32, 64, 128, 256, 300, 300, 300};
        sleeper.allowWaits(nominalSeconds.length - 1);
        MailWatcher watcher = watch(server.account(closedPort), scripted());

        for (long nominal : nominalSeconds) {
            assertThat(log.until("RECONNECTING:UNREACHABLE")).containsExactly("RECONNECTING:UNREACHABLE");
            Duration upTo = Duration.ofSeconds(nominal);
            assertThat(sleeper.nextWait()).isBetween(upTo.minus(upTo.dividedBy(10)), upTo);
        }
        watcher.close(); // ends the last wait
        assertThat(log.rest()).containsExactly("STOPPED");
    }

    @Test
    void aWrongPasswordStopsAtOnceWithoutRetrying() throws Exception {
        AtomicInteger logins = new AtomicInteger();
        MailWatcher watcher = watch(viaRelay(), () -> {
            logins.incrementAndGet();
            return new MailCredentials.Password("wrong-password-42".toCharArray());
        }, scripted());

        assertThat(log.until("STOPPED:AUTHENTICATION_FAILED")).containsExactly("STOPPED:AUTHENTICATION_FAILED");
        watcher.close(); // joins the watcher's thread: nothing can come after this
        assertThat(log.rest()).isEmpty();
        assertThat(logins).hasValue(1);
        assertThat(sleeper.pendingWaits()).isZero();
    }

    @Test
    void anUntrustedCertificateStopsAtOnceWithoutRetrying() throws Exception {
        ImapAccount untrusting = new ImapAccount("127.0.0.1", relay.port(), ImapAccount.Security.IMAPS,
                TestImapServer.USER, "INBOX", Optional.empty());
        MailWatcher watcher = watch(untrusting, scripted());

        assertThat(log.until("STOPPED:CERTIFICATE_REJECTED")).containsExactly("STOPPED:CERTIFICATE_REJECTED");
        watcher.close();
        assertThat(log.rest()).isEmpty();
        assertThat(sleeper.pendingWaits()).isZero();
    }

    @Test
    void closeReturnsPromptlyWhileIdlingEvenIfTheConnectionWentSilent() throws Exception {
        MailWatcher watcher = watch(viaRelay(), scripted());
        awaitIdling("CONNECTED", "IDLE"); // the watcher is blocked reading IDLE responses now

        // no answer to DONE or LOGOUT will ever come, and Angus ignores read timeouts during IDLE
        relay.blackHole();
        CompletableFuture.runAsync(watcher::close).get(5, TimeUnit.SECONDS);

        assertThat(log.rest()).containsExactly("STOPPED");
    }
}
