package org.hearth.ingest.mail;

import java.util.Objects;

/**
 * How Hearth logs in to a mailbox, for one connection. Neither kind is kept beyond the login it is passed to,
 * and {@link #toString()} never shows the secret, so a credentials object in a log line or exception is harmless.
 */
public sealed interface MailCredentials {

    /**
     * A password, sent with the IMAP login over the already encrypted connection. The array stays the caller's:
     * it is read, not copied, so the caller can wipe it after use.
     */
    record Password(char[] password) implements MailCredentials {

        public Password {
            Objects.requireNonNull(password, "password");
        }

        @Override
        public String toString() {
            return "Password[hidden]";
        }
    }

    /**
     * An OAuth 2.0 access token (Microsoft 365, Gmail), sent with SASL XOAUTH2. Getting and refreshing it is the
     * caller's business; a watcher asks for a fresh one at every connect.
     */
    record OAuthToken(String accessToken) implements MailCredentials {

        public OAuthToken {
            Objects.requireNonNull(accessToken, "accessToken");
            if (accessToken.isBlank()) {
                throw new IllegalArgumentException("the access token is empty");
            }
        }

        @Override
        public String toString() {
            return "OAuthToken[hidden]";
        }
    }
}
