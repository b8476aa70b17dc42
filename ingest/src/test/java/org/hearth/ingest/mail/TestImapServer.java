package org.hearth.ingest.mail;

import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.util.GreenMail;
import java.security.cert.X509Certificate;
import java.util.Optional;
import org.hearth.fixtures.mail.GreenMailServer;

/** The shared GreenMail fixture, with this package's accounts and credentials for it. */
final class TestImapServer implements AutoCloseable {

    static final String USER = GreenMailServer.USER;
    static final String PASSWORD = GreenMailServer.PASSWORD;

    static MailCredentials.Password password() {
        return new MailCredentials.Password(PASSWORD.toCharArray());
    }

    private final GreenMailServer server;
    final GreenMail greenMail;
    final GreenMailUser user;

    TestImapServer() throws Exception {
        server = new GreenMailServer();
        greenMail = server.greenMail();
        user = server.user();
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

    @Override
    public void close() {
        server.close();
    }
}
