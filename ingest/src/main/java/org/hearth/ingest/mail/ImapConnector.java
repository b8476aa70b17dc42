package org.hearth.ingest.mail;

import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.Folder;
import jakarta.mail.FolderClosedException;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.StoreClosedException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.security.GeneralSecurityException;
import java.security.cert.CertificateException;
import java.util.Objects;
import java.util.Properties;
import javax.net.ssl.SSLException;
import org.eclipse.angus.mail.iap.ConnectionException;
import org.eclipse.angus.mail.imap.IMAPFolder;
import org.eclipse.angus.mail.imap.IMAPStore;
import org.eclipse.angus.mail.util.MailConnectException;

/**
 * The one way Hearth connects to an IMAP server, for sync, watcher and keyword writer alike: always encrypted
 * (IMAPS, or STARTTLS that must succeed), the certificate checked against the system's authorities or against
 * exactly the one the user trusted, bounded connect and read timeouts, and every failure turned into a
 * {@link MailSyncException} whose kind tells the caller what can be done about it.
 */
final class ImapConnector {

    /** A logged-in connection with the account's folder open; closing it releases both, never expunging. */
    record OpenFolder(IMAPStore store, IMAPFolder folder) implements AutoCloseable {

        @Override
        public void close() {
            try {
                if (folder.isOpen()) {
                    folder.close(false);
                }
            } catch (MessagingException | IllegalStateException alreadyGone) {
                // the connection is gone; nothing was changed on the server
            }
            closeQuietly(store);
        }
    }

    private static final int CONNECT_TIMEOUT_MS = 20_000;
    private static final int READ_TIMEOUT_MS = 60_000;

    private final ImapAccount account;

    ImapConnector(ImapAccount account) {
        this.account = Objects.requireNonNull(account, "account");
    }

    /**
     * Logs in with {@code credentials} (used for this login only) and opens the account's folder in {@code mode}:
     * {@link Folder#READ_ONLY} is EXAMINE, under which nothing on the server changes, not even \Seen.
     */
    OpenFolder open(MailCredentials credentials, int mode) throws MailSyncException {
        Objects.requireNonNull(credentials, "credentials");
        Store store;
        try {
            store = Session.getInstance(properties(credentials)).getStore(protocol());
        } catch (MessagingException e) {
            throw new MailSyncException(MailSyncException.Kind.PROTOCOL, "no IMAP support: " + protocol(), e);
        }
        boolean opened = false;
        try {
            try {
                store.connect(account.host(), account.port(), account.user(), secret(credentials));
            } catch (MessagingException e) {
                throw connectFailure(e, credentials);
            }
            Folder folder = store.getFolder(account.folder());
            if (!folder.exists()) {
                throw new MailSyncException(MailSyncException.Kind.FOLDER_NOT_FOUND,
                        "the folder does not exist on " + account.host(), null); // its name may name a client
            }
            folder.open(mode);
            OpenFolder open = new OpenFolder((IMAPStore) store, (IMAPFolder) folder);
            opened = true;
            return open;
        } catch (MessagingException e) {
            throw failure(e);
        } finally {
            if (!opened) {
                closeQuietly(store);
            }
        }
    }

    /** What a failure after the login means: a broken connection (try again later) or a protocol error. */
    MailSyncException failure(MessagingException e) {
        if (e instanceof FolderClosedException || e instanceof StoreClosedException || has(e, ConnectionException.class)
                || has(e, SocketException.class) || has(e, SocketTimeoutException.class)) {
            return connectionLost(e);
        }
        return new MailSyncException(MailSyncException.Kind.PROTOCOL,
                "IMAP error with " + account.host() + " (" + e.getClass().getSimpleName() + ")", e);
    }

    MailSyncException connectionLost(Throwable cause) {
        return new MailSyncException(MailSyncException.Kind.CONNECTION_LOST,
                "the connection to " + account.host() + " broke off", cause);
    }

    private MailSyncException connectFailure(MessagingException e, MailCredentials credentials) {
        if (e instanceof AuthenticationFailedException) {
            return new MailSyncException(MailSyncException.Kind.AUTHENTICATION_FAILED, account.host() + " refused the login: "
                    + switch (credentials) {
                        case MailCredentials.Password p -> "wrong user name or password";
                        case MailCredentials.OAuthToken t -> "the access token was not accepted (expired, revoked or not for mail)";
                    }, e);
        }
        if (has(e, CertificateException.class) || has(e, SSLException.class) || message(e).contains("verify identity of server")) {
            return new MailSyncException(MailSyncException.Kind.CERTIFICATE_REJECTED,
                    "the certificate of " + account.host() + " is not trusted or not issued for this host name"
                            + (account.trustedCertificate().isPresent() ? " (it is not the certificate you trusted)" : ""), e);
        }
        if (message(e).contains("STARTTLS required")) {
            return new MailSyncException(MailSyncException.Kind.TLS_UNAVAILABLE,
                    account.host() + ":" + account.port() + " does not offer STARTTLS; Hearth never logs in unencrypted", e);
        }
        if (e instanceof MailConnectException || has(e, ConnectException.class) || has(e, UnknownHostException.class)
                || has(e, SocketTimeoutException.class) || has(e, NoRouteToHostException.class)) {
            return new MailSyncException(MailSyncException.Kind.UNREACHABLE,
                    "cannot reach " + account.host() + ":" + account.port() + " (" + reason(e) + ")", e);
        }
        return failure(e);
    }

    private static String secret(MailCredentials credentials) {
        return switch (credentials) {
            case MailCredentials.Password p -> new String(p.password());
            case MailCredentials.OAuthToken t -> t.accessToken();
        };
    }

    private String protocol() {
        return account.security() == ImapAccount.Security.IMAPS ? "imaps" : "imap";
    }

    private Properties properties(MailCredentials credentials) throws MailSyncException {
        String prefix = "mail." + protocol() + ".";
        Properties properties = new Properties();
        properties.put(prefix + "connectiontimeout", Integer.toString(CONNECT_TIMEOUT_MS));
        properties.put(prefix + "timeout", Integer.toString(READ_TIMEOUT_MS));
        properties.put(prefix + "ssl.checkserveridentity", "true");
        properties.put(prefix + "peek", "true");
        properties.put(prefix + "partialfetch", "true");
        properties.put(prefix + "fetchsize", "16384");
        if (credentials instanceof MailCredentials.OAuthToken) {
            // Angus never offers XOAUTH2 by default; naming it here makes it the mechanism, the token its password
            properties.put(prefix + "auth.mechanisms", "XOAUTH2");
        }
        if (account.security() == ImapAccount.Security.STARTTLS) {
            properties.put(prefix + "starttls.enable", "true");
            properties.put(prefix + "starttls.required", "true");
        }
        if (account.trustedCertificate().isPresent()) {
            try {
                properties.put(prefix + "ssl.socketFactory", TrustedCertificate.socketFactory(account.trustedCertificate().get()));
            } catch (GeneralSecurityException e) {
                throw new MailSyncException(MailSyncException.Kind.CERTIFICATE_REJECTED, "the trusted certificate cannot be used", e);
            }
        }
        return properties;
    }

    private static void closeQuietly(Store store) {
        try {
            store.close();
        } catch (MessagingException alreadyGone) {
            // nothing left to release
        }
    }

    private static String reason(Throwable e) {
        if (has(e, UnknownHostException.class)) {
            return "unknown host";
        }
        if (has(e, SocketTimeoutException.class)) {
            return "timed out";
        }
        if (has(e, ConnectException.class)) {
            return "connection refused";
        }
        return "no route";
    }

    private static boolean has(Throwable e, Class<? extends Throwable> type) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }

    private static String message(Throwable e) {
        StringBuilder all = new StringBuilder();
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            all.append(t.getMessage()).append('\n');
        }
        return all.toString();
    }
}
