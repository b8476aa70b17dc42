package org.hearth.ingest.mail;

import java.security.cert.X509Certificate;
import java.util.Objects;
import java.util.Optional;

/**
 * Where a mailbox is. The password or token is not part of it: the caller passes {@link MailCredentials} for each connection.
 * The server certificate is always verified, against the system's trusted authorities or, for a self-signed
 * server, against exactly the one certificate the user chose to trust ({@link TrustedCertificate}).
 */
public record ImapAccount(String host, int port, Security security, String user, String folder,
                          Optional<X509Certificate> trustedCertificate) {

    /** How the connection is encrypted. There is no plaintext option. */
    public enum Security {
        /** TLS from the first byte (port 993). */
        IMAPS,
        /** Plain connect, then STARTTLS, required: a server without it is refused (port 143). */
        STARTTLS
    }

    public ImapAccount {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(security, "security");
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(folder, "folder");
        Objects.requireNonNull(trustedCertificate, "trustedCertificate");
        if (host.isBlank()) {
            throw new IllegalArgumentException("host is empty");
        }
        if (port < 1 || port > 65_535) {
            throw new IllegalArgumentException("port out of range: " + port);
        }
        if (folder.isBlank()) {
            throw new IllegalArgumentException("folder is empty");
        }
    }

    /** INBOX on the default port of {@code security}, verified against the system's authorities. */
    public static ImapAccount of(String host, Security security, String user) {
        return new ImapAccount(host, security == Security.IMAPS ? 993 : 143, security, user, "INBOX", Optional.empty());
    }

    public ImapAccount withPort(int newPort) {
        return new ImapAccount(host, newPort, security, user, folder, trustedCertificate);
    }

    public ImapAccount withFolder(String newFolder) {
        return new ImapAccount(host, port, security, user, newFolder, trustedCertificate);
    }

    /** Trust this one certificate (and nothing else) for this server. */
    public ImapAccount trusting(X509Certificate certificate) {
        return new ImapAccount(host, port, security, user, folder, Optional.of(certificate));
    }

    /** Without the user name: it is often a mail address, and this may end up in a log. */
    @Override
    public String toString() {
        return "ImapAccount[" + security + " " + host + ":" + port + "]";
    }
}
