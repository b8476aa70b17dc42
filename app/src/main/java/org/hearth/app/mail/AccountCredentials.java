package org.hearth.app.mail;

import org.hearth.ui.service.InboxService.SignIn;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;
import org.hearth.app.privacy.NetworkGate;
import org.hearth.app.secrets.Keychain;
import org.hearth.app.secrets.SecretStoreException;
import org.hearth.ingest.mail.MailCredentials;
import org.hearth.ingest.mail.oauth.OAuthException;
import org.hearth.ingest.mail.oauth.OAuthTokens;
import org.hearth.ingest.mail.oauth.TokenClient;

/**
 * What a saved account logs in with, for the CLI and the window alike: its password from the keychain, or a fresh
 * access token from the refresh token the keychain keeps (a rotated refresh token is saved back). The secret is
 * looked up at each use, so a re-added account or a renewed sign-in takes effect at the next run.
 */
public final class AccountCredentials {

    /** The saved secret is missing or no longer works: the user has to sign in again. */
    public static final class SignInNeeded extends Exception {
        private static final long serialVersionUID = 1L;

        SignInNeeded(String message) {
            super(message);
        }

        SignInNeeded(String message, Throwable cause) {
            super(message, cause);
        }
    }

    private final Keychain keychain;
    private final OAuthApps oauthApps;
    private final TokenClient tokens;

    /** @param keychain opened only when a secret is needed (the keychain may be unavailable) */
    public AccountCredentials(Keychain keychain, OAuthApps oauthApps, TokenClient tokens) {
        this.keychain = Objects.requireNonNull(keychain, "keychain");
        this.oauthApps = Objects.requireNonNull(oauthApps, "oauthApps");
        this.tokens = Objects.requireNonNull(tokens, "tokens");
    }

    public MailCredentials of(MailAccount account) throws SignInNeeded {
        char[] secret;
        try {
            secret = keychain.open().get(account.secretKey()).orElseThrow(() -> new SignInNeeded(
                    account.signIn() == SignIn.PASSWORD ? "the keychain has no password for this account"
                            : "the keychain has no sign-in for this account"));
        } catch (SecretStoreException e) {
            throw new SignInNeeded(e.getMessage(), e);
        }
        if (account.signIn() == SignIn.PASSWORD) {
            return new MailCredentials.Password(secret);
        }
        try (NetworkGate.Permit permit = MailNetwork.signIn(oauthApps.provider(account.signIn()).tokenEndpoint())) {
            OAuthTokens fresh = tokens.refresh(oauthApps.provider(account.signIn()), secret);
            Optional<String> rotated = fresh.refreshToken().filter(token -> !Arrays.equals(token.toCharArray(), secret));
            if (rotated.isPresent()) {
                keychain.open().put(account.secretKey(), rotated.get().toCharArray());
            }
            return new MailCredentials.OAuthToken(fresh.accessToken());
        } catch (OAuthException e) {
            throw new SignInNeeded(e.kind() == OAuthException.Kind.INVALID_GRANT
                    ? "the sign-in has expired; remove the account and sign in again" : e.getMessage(), e);
        } catch (SecretStoreException e) {
            throw new SignInNeeded(e.getMessage(), e);
        } finally {
            Arrays.fill(secret, '\0');
        }
    }
}
