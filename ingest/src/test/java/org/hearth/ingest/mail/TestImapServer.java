package org.hearth.ingest.mail;

import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.util.DummySSLServerSocketFactory;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.Properties;
import org.hearth.fixtures.mail.TestCertificates;

/**
 * GreenMail on loopback (random ports, IMAPS with a certificate for 127.0.0.1 made per JVM, plus plain IMAP for
 * the STARTTLS refusal), and one user. GreenMail's TLS factory is a JVM-wide singleton, so the key store is made
 * once and shared by every test that starts a server.
 */
final class TestImapServer implements AutoCloseable {

    static final String USER = "kanzlei";
    static final String PASSWORD = "correct-horse-battery";

    /** The password as Hearth passes it. */
    static MailCredentials.Password password() {
        return new MailCredentials.Password(PASSWORD.toCharArray());
    }

    private static X509Certificate certificate;

    final GreenMail greenMail;
    final GreenMailUser user;

    TestImapServer() throws Exception {
        certificate(); // sets GreenMail's key store before its TLS factory first loads
        greenMail = new GreenMail(new ServerSetup[] {
                setup(ServerSetup.PROTOCOL_IMAPS), setup(ServerSetup.PROTOCOL_IMAP)});
        greenMail.start();
        user = greenMail.setUser(USER, PASSWORD);
    }

    private static ServerSetup setup(String protocol) {
        ServerSetup setup = new ServerSetup(0, "127.0.0.1", protocol).dynamicPort();
        setup.setServerStartupTimeout(60_000); // the first TLS start is slow on a busy 2-core machine
        return setup;
    }

    static synchronized X509Certificate certificate() throws Exception {
        if (certificate == null) {
            Path folder = Path.of("target", "mail-test-certificate").toAbsolutePath();
            TestCertificates.ServerCertificate made = TestCertificates.create(folder);
            System.setProperty(DummySSLServerSocketFactory.GREENMAIL_KEYSTORE_FILE_PROPERTY, made.keyStore().toString());
            System.setProperty(DummySSLServerSocketFactory.GREENMAIL_KEYSTORE_PASSWORD_PROPERTY, TestCertificates.PASSWORD);
            certificate = TrustedCertificate.readPem(made.pem());
        }
        return certificate;
    }

    int imapsPort() {
        return greenMail.getImaps().getPort();
    }

    int imapPort() {
        return greenMail.getImap().getPort();
    }

    /** The account for the IMAPS port (or {@code port}, e.g. a relay's), trusting the test certificate. */
    ImapAccount account(int port) throws Exception {
        return new ImapAccount("127.0.0.1", port, ImapAccount.Security.IMAPS, USER, "INBOX", java.util.Optional.of(certificate()));
    }

    ImapAccount account() throws Exception {
        return account(imapsPort());
    }

    void deliver(byte[] raw) throws Exception {
        user.deliver(new MimeMessage(Session.getInstance(new Properties()), new ByteArrayInputStream(raw)));
    }

    @Override
    public void close() {
        greenMail.stop();
    }
}
