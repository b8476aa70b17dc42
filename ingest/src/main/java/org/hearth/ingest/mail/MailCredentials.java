package org.hearth.ingest.mail;

/** PLACEHOLDER until the mail branch lands (same contract). */
public sealed interface MailCredentials {
    record Password(char[] password) implements MailCredentials {
    }

    record OAuthToken(String accessToken) implements MailCredentials {
    }
}
