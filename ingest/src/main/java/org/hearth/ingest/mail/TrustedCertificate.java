package org.hearth.ingest.mail;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManagerFactory;

/**
 * A server certificate the user trusted explicitly (a self-signed mail server): read from PEM, and turned into
 * a socket factory whose trust store holds exactly that certificate, checked by the JDK's normal PKIX validation.
 */
public final class TrustedCertificate {

    private TrustedCertificate() {
    }

    /** Reads one X.509 certificate from a PEM (or DER) file. */
    public static X509Certificate readPem(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
        } catch (CertificateException | ClassCastException e) {
            throw new IOException("not an X.509 certificate: " + file.getFileName(), e);
        }
    }

    /** TLS that accepts a server presenting {@code certificate} and nothing else. */
    static SSLSocketFactory socketFactory(X509Certificate certificate) throws GeneralSecurityException {
        try {
            KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
            store.load(null, null);
            store.setCertificateEntry("trusted-server", certificate);
            TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            trust.init(store);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, trust.getTrustManagers(), null);
            return context.getSocketFactory();
        } catch (IOException cannotHappenForAnEmptyStore) {
            throw new GeneralSecurityException(cannotHappenForAnEmptyStore);
        }
    }
}
