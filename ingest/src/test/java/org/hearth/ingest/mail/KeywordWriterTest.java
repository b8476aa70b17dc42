package org.hearth.ingest.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.icegreen.greenmail.store.MailFolder;
import com.icegreen.greenmail.store.StoredMessage;
import jakarta.mail.Flags;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.hearth.fixtures.mail.TestMails;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class KeywordWriterTest {

    @RegisterExtension
    final TestImapServer server = new TestImapServer();

    private MailFolder inbox() throws Exception {
        return server.greenMail.getManagers().getImapHostManager().getInbox(server.user);
    }

    /**
     * Every message's flags by UID, as the server stores them. Without \Recent: a client cannot set or clear it,
     * any read-write open (SELECT) claims it by definition, and IMAP4rev2 dropped it.
     */
    private Map<Long, Flags> flagsByUid() throws Exception {
        Map<Long, Flags> flags = new TreeMap<>();
        for (StoredMessage stored : inbox().getMessages()) {
            Flags copy = new Flags(stored.getFlags());
            copy.remove(Flags.Flag.RECENT);
            flags.put(stored.getUid(), copy);
        }
        return flags;
    }

    /** The messages as Hearth knows them: through a sync, which gives their UIDs and UIDVALIDITY. */
    private List<MailMessage> synced() throws Exception {
        List<MailMessage> messages = new ArrayList<>();
        new MailSync(server.account(), SyncOptions.DEFAULTS).sync(TestImapServer.password(), SyncCursor.NONE,
                messages::add, MailSync.Progress.NONE, () -> false);
        return messages;
    }

    private static Flags flags(Flags.Flag system, String... keywords) {
        Flags flags = system == null ? new Flags() : new Flags(system);
        for (String keyword : keywords) {
            flags.add(keyword);
        }
        return flags;
    }

    private static ImapAccount nowhere(TestImapServer server) throws Exception {
        try (ServerSocket socket = new ServerSocket()) {
            socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            return server.account(socket.getLocalPort()); // closed again: connecting there fails at once
        }
    }

    @Test
    void addsExactlyTheGivenKeywordsToExactlyTheGivenMessages() throws Exception {
        for (int n = 1; n <= 3; n++) {
            server.deliver(TestMails.plain(n));
        }
        List<MailMessage> messages = synced();
        long first = messages.get(0).uid();
        long second = messages.get(1).uid();
        long third = messages.get(2).uid();
        inbox().getMessages().get(1).setFlag(Flags.Flag.FLAGGED, true); // the user's own flag on the second
        inbox().getMessages().get(2).setFlag(Flags.Flag.SEEN, true);

        new KeywordWriter(server.account()).apply(TestImapServer.password(), messages.getFirst().uidValidity(),
                Map.of(first, Set.of("$Hearth_Frist"), second, Set.of("$Hearth_Frist", "$Hearth_Mandant-4711")));

        assertThat(flagsByUid()).isEqualTo(Map.of(
                first, flags(null, "$Hearth_Frist"),
                second, flags(Flags.Flag.FLAGGED, "$Hearth_Frist", "$Hearth_Mandant-4711"),
                third, flags(Flags.Flag.SEEN)));
    }

    @Test
    void keywordsAlreadyThereStayAndAreNotDoubled() throws Exception {
        server.deliver(TestMails.plain(1));
        MailMessage message = synced().getFirst();
        KeywordWriter writer = new KeywordWriter(server.account());

        writer.apply(TestImapServer.password(), message.uidValidity(), Map.of(message.uid(), Set.of("$Hearth_Frist")));
        writer.apply(TestImapServer.password(), message.uidValidity(), Map.of(message.uid(), Set.of("$Hearth_Frist", "$Hearth_Rechnung")));

        assertThat(flagsByUid()).isEqualTo(Map.of(message.uid(), flags(null, "$Hearth_Frist", "$Hearth_Rechnung")));
    }

    @Test
    void moreMessagesThanOneCommandTakesAreAllReached() throws Exception {
        for (int n = 1; n <= 450; n++) {
            server.deliver(TestMails.plain(n));
        }
        Map<Long, Set<String>> everyOther = new HashMap<>();
        List<StoredMessage> stored = inbox().getMessages();
        for (int i = 0; i < stored.size(); i += 2) { // gaps, so the UID set cannot be one range
            everyOther.put(stored.get(i).getUid(), Set.of("$Hearth_Gelesen"));
        }

        new KeywordWriter(server.account()).apply(TestImapServer.password(), inbox().getUidValidity(), everyOther);

        Map<Long, Flags> after = flagsByUid();
        assertThat(after).hasSize(450);
        after.forEach((uid, flags) -> assertThat(flags).as("UID %d", uid)
                .isEqualTo(everyOther.containsKey(uid) ? flags(null, "$Hearth_Gelesen") : new Flags()));
    }

    @Test
    void aChangedUidValidityIsRefusedAndNothingChanges() throws Exception {
        server.deliver(TestMails.plain(1));
        server.deliver(TestMails.plain(2));
        List<MailMessage> messages = synced();
        Map<Long, Flags> before = flagsByUid();

        long stale = messages.getFirst().uidValidity() + 1;
        assertThatThrownBy(() -> new KeywordWriter(server.account()).apply(TestImapServer.password(), stale,
                Map.of(messages.get(0).uid(), Set.of("$Hearth_Frist"), messages.get(1).uid(), Set.of("$Hearth_Frist"))))
                .isInstanceOfSatisfying(MailSyncException.class,
                        e -> assertThat(e.kind()).isEqualTo(MailSyncException.Kind.UIDVALIDITY_CHANGED));

        assertThat(flagsByUid()).isEqualTo(before);
    }

    @ParameterizedTest
    @ValueSource(strings = {"\\Seen", "\\Deleted", "$Flagged", "$Hearth_", "Hearth_Frist", "$hearth_Frist",
            "$Hearth_Frist Meier", "$Hearth_(Frist)", "$Hearth_{3}", "$Hearth_Frist*", "$Hearth_Frist%",
            "$Hearth_Frist]", "$Hearth_\"Frist\"", "$Hearth_Frist\\", "$Hearth_Frist\r\nA1 EXPUNGE", "$Hearth_Fälligkeit"})
    void aKeywordThatIsNotHearthsOrNotAnAtomIsRefusedBeforeConnecting(String keyword) throws Exception {
        // the account points at a closed port: had it tried to connect, it would have failed as UNREACHABLE
        KeywordWriter writer = new KeywordWriter(nowhere(server));
        assertThatThrownBy(() -> writer.apply(TestImapServer.password(), 1, Map.of(7L, Set.of("$Hearth_Frist", keyword))))
                .isInstanceOf(IllegalArgumentException.class)
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("Meier").doesNotContain("Frist"));
    }

    @Test
    void oneBadKeywordStopsTheWholeWriteBeforeAnythingChanges() throws Exception {
        server.deliver(TestMails.plain(1));
        server.deliver(TestMails.plain(2));
        List<MailMessage> messages = synced();
        Map<Long, Flags> before = flagsByUid();

        assertThatThrownBy(() -> new KeywordWriter(server.account()).apply(TestImapServer.password(),
                messages.getFirst().uidValidity(),
                new TreeMap<>(Map.of(messages.get(0).uid(), Set.of("$Hearth_Frist"), messages.get(1).uid(), Set.of("\\Seen")))))
                .isInstanceOf(IllegalArgumentException.class);

        assertThat(flagsByUid()).isEqualTo(before);
    }
}
