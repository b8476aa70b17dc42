package org.hearth.ingest.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.icegreen.greenmail.user.GreenMailUser;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.hearth.fixtures.mail.TestMails;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class MailCredentialsTest {

    private static final String TOKEN_USER = "kanzlei-m365";
    private static final String TOKEN = "eyJ0eXAiOiJKV1QiLCJub25jZSI6InRlc3QifQ.access-token-for-tests";

    @RegisterExtension
    final TestImapServer server = new TestImapServer();
    private GreenMailUser tokenUser;

    @BeforeEach
    void start() throws Exception {
        // GreenMail's AUTHENTICATE XOAUTH2 checks the bearer token as it would check this user's password
        tokenUser = server.greenMail.setUser(TOKEN_USER, TOKEN);
        tokenUser.deliver(new MimeMessage(Session.getInstance(new Properties()), new ByteArrayInputStream(TestMails.plain(1))));
    }

    private ImapAccount tokenAccount() throws Exception {
        return new ImapAccount("127.0.0.1", server.imapsPort(), ImapAccount.Security.IMAPS, TOKEN_USER, "INBOX",
                Optional.of(TestImapServer.certificate()));
    }

    private static List<MailMessage> sync(ImapAccount account, MailCredentials credentials) throws MailSyncException {
        List<MailMessage> messages = new ArrayList<>();
        new MailSync(account, SyncOptions.DEFAULTS).sync(credentials, SyncCursor.NONE, messages::add,
                MailSync.Progress.NONE, () -> false);
        return messages;
    }

    @Test
    void anAccessTokenLogsInWithXoauth2AndIsNeverSentAsALoginPassword() throws Exception {
        // Angus falls back to a plain LOGIN when its mechanism list does not match; GreenMail would accept the
        // token there too, so the mechanism is read from Angus's protocol log (its auth trace stays suppressed).
        List<String> log = new ArrayList<>();
        try (var capture = new AngusLog(log)) {
            List<MailMessage> messages = sync(tokenAccount(), new MailCredentials.OAuthToken(TOKEN));
            assertThat(messages).extracting(MailMessage::subject).containsExactly("Mail 1");
        }
        assertThat(log).anySatisfy(line -> assertThat(line).contains("AUTHENTICATE XOAUTH2"));
        assertThat(log).noneSatisfy(line -> assertThat(line).contains("LOGIN command"));
        assertThat(log).noneSatisfy(line -> assertThat(line).contains(TOKEN));
    }

    @Test
    void aWrongTokenIsAnAuthenticationFailureThatDoesNotShowTheToken() throws Exception {
        String wrong = "expired-" + TOKEN;
        assertThatThrownBy(() -> sync(tokenAccount(), new MailCredentials.OAuthToken(wrong)))
                .isInstanceOfSatisfying(MailSyncException.class, e -> {
                    assertThat(e.kind()).isEqualTo(MailSyncException.Kind.AUTHENTICATION_FAILED);
                    assertThat(e.getMessage()).contains("access token").doesNotContain(wrong).doesNotContain(TOKEN_USER);
                });
    }

    @Test
    void neitherKindShowsItsSecret() {
        assertThat(new MailCredentials.Password("geheim-123".toCharArray()).toString()).doesNotContain("geheim-123");
        assertThat(new MailCredentials.OAuthToken(TOKEN).toString()).doesNotContain(TOKEN);
        assertThatThrownBy(() -> new MailCredentials.OAuthToken(" ")).isInstanceOf(IllegalArgumentException.class);
    }

    /** Angus's JUL output while open; FINEST on the protocol logger switches its wire trace on. */
    private static final class AngusLog extends Handler implements AutoCloseable {
        private final Logger imap = Logger.getLogger("org.eclipse.angus.mail.imap");
        private final Logger protocol = Logger.getLogger("org.eclipse.angus.mail.imap.protocol");
        private final Level imapLevel = imap.getLevel();
        private final Level protocolLevel = protocol.getLevel();
        private final List<String> lines;

        AngusLog(List<String> lines) {
            this.lines = lines;
            setLevel(Level.ALL);
            imap.setLevel(Level.FINE);
            protocol.setLevel(Level.FINEST);
            imap.addHandler(this);
        }

        @Override
        public synchronized void publish(LogRecord record) {
            lines.add(record.getMessage());
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
            imap.removeHandler(this);
            imap.setLevel(imapLevel);
            protocol.setLevel(protocolLevel);
        }
    }
}
