package org.hearth.ingest.mail.oauth;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * What a sign-in or a refresh gives: the access token for SASL XOAUTH2, the refresh token that gets the next access
 * token without the user (keep it in the keychain), and when the access token stops working.
 *
 * @param refreshToken absent when the server issued none, e.g. Microsoft without {@code offline_access}
 * @param expiresAt    from the server's {@code expires_in}; refresh somewhat before it
 */
public record OAuthTokens(String accessToken, Optional<String> refreshToken, Instant expiresAt) {

    public OAuthTokens {
        Objects.requireNonNull(accessToken, "accessToken");
        Objects.requireNonNull(refreshToken, "refreshToken");
        Objects.requireNonNull(expiresAt, "expiresAt");
        if (accessToken.isBlank()) {
            throw new IllegalArgumentException("accessToken is empty");
        }
    }

    /** Says which tokens there are, never what they are: this ends up in logs. */
    @Override
    public String toString() {
        return "OAuthTokens[accessToken=(hidden), refreshToken=" + (refreshToken.isPresent() ? "(hidden)" : "none")
                + ", expiresAt=" + expiresAt + "]";
    }
}
