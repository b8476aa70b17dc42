package org.hearth.ingest.mail;

import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.util.GreenMail;
import java.security.cert.X509Certificate;
import java.util.Optional;
import org.hearth.fixtures.mail.GreenMailServer;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The shared GreenMail fixture, with this package's accounts and credentials for it: a fresh server
 * for every test, registered with {@code @RegisterExtension}.
 */
final class TestImapServer implements BeforeEachCallback, AfterEachCallback {

    static final String USER = GreenMailServer.USER;
    static final String PASSWORD = GreenMailServer.PASSWORD;

    static MailCredentials.Password password() {
        return new MailCredentials.Password(PASSWORD.toCharArray());
    }

    private GreenMailServer server;
    GreenMail greenMail;
    GreenMailUser user;

    @Override
    public void beforeEach(ExtensionContext context) throws Exception {
        server = new GreenMailServer();
        greenMail = server.greenMail();
        user = server.user();
    }

    @Override
    public void afterEach(ExtensionContext context) {
        server.close();
    }

    static X509Certificate certificate() throws Exception {
        return GreenMailServer.certificate();
    }

    int imapsPort() {
        return server.imapsPort();
    }

    int imapPort() {
        return server.imapPort();
    }

    /** The account for the IMAPS port (or {@code port}, e.g. a relay's), trusting the test certificate. */
    ImapAccount account(int port) throws Exception {
        return new ImapAccount("127.0.0.1", port, ImapAccount.Security.IMAPS, USER, "INBOX", Optional.of(certificate()));
    }

    ImapAccount account() throws Exception {
        return account(imapsPort());
    }

    void deliver(byte[] raw) {
        server.deliver(raw);
    }
}
