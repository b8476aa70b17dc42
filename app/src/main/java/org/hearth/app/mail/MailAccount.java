package org.hearth.app.mail;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.Objects;
import java.util.Optional;
import org.hearth.ingest.mail.ImapAccount;
import org.hearth.ui.service.InboxService.SignIn;

/**
 * A saved mailbox: where it is and how to log in. The secret (password or refresh token) is not here; it lives
 * in the keychain under {@link #secretKey()}.
 *
 * @param trustedCertificatePem the one server certificate the user trusted, for a self-signed server
 * @param writeBack             the user allowed Hearth to set IMAP keywords on this account's mails
 */
public record MailAccount(String id, String name, String host, int port, ImapAccount.Security security, String user,
                          String folder, SignIn signIn, Optional<String> trustedCertificatePem, boolean writeBack) {

    public MailAccount {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(signIn, "signIn");
        trustedCertificatePem = trustedCertificatePem == null ? Optional.empty() : trustedCertificatePem;
        toImapAccount(host, port, security, user, folder, trustedCertificatePem); // validates
    }

    public ImapAccount imap() {
        return toImapAccount(host, port, security, user, folder, trustedCertificatePem);
    }

    /** Where the keychain keeps this account's password or refresh token. */
    public String secretKey() {
        return "mail-account:" + id;
    }

    /** For people: the user at the server, as the account list shows it. */
    public String address() {
        return user + " @ " + host + (port == (security == ImapAccount.Security.IMAPS ? 993 : 143) ? "" : ":" + port)
                + ("INBOX".equals(folder) ? "" : " / " + folder);
    }

    MailAccount withWriteBack(boolean enabled) {
        return new MailAccount(id, name, host, port, security, user, folder, signIn, trustedCertificatePem, enabled);
    }

    private static ImapAccount toImapAccount(String host, int port, ImapAccount.Security security, String user,
                                             String folder, Optional<String> pem) {
        ImapAccount account = new ImapAccount(host, port, security, user, folder, Optional.empty());
        return pem.map(text -> account.trusting(certificate(text))).orElse(account);
    }

    static X509Certificate certificate(String pem) {
        try {
            return (X509Certificate) CertificateFactory.getInstance("X.509")
                    .generateCertificate(new ByteArrayInputStream(pem.getBytes(StandardCharsets.US_ASCII)));
        } catch (CertificateException | ClassCastException e) {
            throw new IllegalArgumentException("the trusted certificate is not an X.509 certificate", e);
        }
    }

    /** Without the user name: it is often a mail address, and this may end up in a log. */
    @Override
    public String toString() {
        return "MailAccount[" + id + " " + security + " " + host + ":" + port + "]";
    }
}
