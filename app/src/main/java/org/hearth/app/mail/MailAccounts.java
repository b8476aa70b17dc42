package org.hearth.app.mail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Objects;
import java.util.Optional;
import org.hearth.ingest.mail.MailCredentials;
import org.hearth.ingest.mail.TrustedCertificate;
import org.hearth.ui.service.InboxService.SignIn;

/**
 * Finds the account a CLI run is for and what it logs in with: a saved account and its saved secret (through
 * {@link AccountCredentials}, as in the window), or a mailbox named on the command line, which is remembered
 * (without its password) so the next run is incremental.
 */
public final class MailAccounts {

    /** An account and what to log in with for this one run. */
    public record Resolved(MailAccount account, MailCredentials credentials) {
    }

    private final MailStore store;
    private final AccountCredentials credentials;

    public MailAccounts(MailStore store, AccountCredentials credentials) {
        this.store = Objects.requireNonNull(store, "store");
        this.credentials = Objects.requireNonNull(credentials, "credentials");
    }

    /**
     * A mailbox named by URL, with a password given for this run only.
     *
     * @param trustedCertificate replaces the certificate trusted for this mailbox before, if any
     */
    public Resolved adHoc(String url, char[] password, Optional<Path> trustedCertificate) throws IOException {
        if (password == null) {
            throw new IllegalArgumentException("no password: pass --password-env VAR, or save the account with `hearth accounts add`");
        }
        ImapUrl imap = ImapUrl.parse(url);
        String id = "cli-" + digest(imap.toString());
        Optional<String> pem = trustedCertificate.isPresent() ? Optional.of(pem(trustedCertificate.get())) : Optional.empty();
        MailAccount account = store.account(id).orElseGet(() -> store.addAccount(new MailAccount(id, imap.toString(),
                imap.host(), imap.port(), imap.security(), imap.user(), imap.folder(), SignIn.PASSWORD, pem, false)));
        return new Resolved(withCertificate(account, pem), new MailCredentials.Password(password));
    }

    /** A saved account; it logs in with its saved secret unless a password is given for this run. */
    public Resolved saved(String name, Optional<char[]> password, Optional<Path> trustedCertificate) throws IOException {
        MailAccount account = store.account(name)
                .orElseThrow(() -> new IllegalArgumentException("no saved account named \"" + name + "\" (see `hearth accounts list`)"));
        Optional<String> pem = trustedCertificate.isPresent() ? Optional.of(pem(trustedCertificate.get())) : Optional.empty();
        boolean usesPassword = account.signIn() == SignIn.PASSWORD;
        if (password.isPresent()) {
            if (!usesPassword) {
                throw new IllegalArgumentException("the account \"" + name + "\" signs in with " + account.signIn() + ", not a password");
            }
            return new Resolved(withCertificate(account, pem), new MailCredentials.Password(password.get()));
        }
        try {
            return new Resolved(withCertificate(account, pem), credentials.of(account));
        } catch (AccountCredentials.SignInNeeded e) {
            throw new IllegalStateException("\"" + name + "\": " + e.getMessage()
                    + (usesPassword ? "; pass --password-env VAR" : "; sign in again in the window"), e);
        }
    }

    /** Reads a PEM or DER certificate file and returns it as PEM text, refusing anything else. */
    public static String pem(Path file) throws IOException {
        X509Certificate certificate = TrustedCertificate.readPem(file);
        try {
            return "-----BEGIN CERTIFICATE-----\n"
                    + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(certificate.getEncoded())
                    + "\n-----END CERTIFICATE-----\n";
        } catch (CertificateEncodingException e) {
            throw new IOException("the certificate in " + file.getFileName() + " cannot be encoded", e);
        }
    }

    private static MailAccount withCertificate(MailAccount account, Optional<String> pem) {
        if (pem.isEmpty()) {
            return account;
        }
        return new MailAccount(account.id(), account.name(), account.host(), account.port(), account.security(),
                account.user(), account.folder(), account.signIn(), pem, account.writeBack());
    }

    private static String digest(String text) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

}
