package org.hearth.app.mail;

import org.hearth.ui.service.InboxService.SignIn;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Optional;
import org.hearth.app.secrets.InMemorySecretStore;
import org.hearth.fixtures.oauth.FakeAuthorizationServer;
import org.hearth.ingest.mail.ImapAccount;
import org.hearth.ingest.mail.MailCredentials;
import org.hearth.ingest.mail.oauth.OAuthProvider;
import org.hearth.ingest.mail.oauth.TokenClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The one lookup of a saved account's secret, which the CLI and the window share, against a real token endpoint. */
class AccountCredentialsTest {

    private static final String CLIENT_ID = "hearth-test-client";

    private final InMemorySecretStore keychain = new InMemorySecretStore();
    private FakeAuthorizationServer server;
    private AccountCredentials credentials;

    @BeforeEach
    void start() throws Exception {
        server = FakeAuthorizationServer.start(CLIENT_ID, Optional.empty());
        OAuthProvider provider = new OAuthProvider("Fake", server.authorizationEndpoint(), server.tokenEndpoint(),
                List.of("imap", "offline_access"), CLIENT_ID, Optional.empty());
        credentials = new AccountCredentials(() -> keychain, method -> provider, new TokenClient());
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private static MailAccount account(SignIn signIn) {
        return new MailAccount("a", "Kanzlei", "imap.example.de", 993, ImapAccount.Security.IMAPS, "kanzlei@example.de",
                "INBOX", signIn, Optional.empty(), false);
    }

    @Test
    void aPasswordAccountLogsInWithThePasswordInTheKeychain() throws Exception {
        MailAccount account = account(SignIn.PASSWORD);
        keychain.put(account.secretKey(), "geheim".toCharArray());

        assertThat(credentials.of(account)).isInstanceOfSatisfying(MailCredentials.Password.class,
                password -> assertThat(password.password()).containsExactly("geheim".toCharArray()));
    }

    @Test
    void anAccountWithoutASavedSecretNeedsASignIn() {
        assertThatThrownBy(() -> credentials.of(account(SignIn.PASSWORD)))
                .isInstanceOf(AccountCredentials.SignInNeeded.class).hasMessageContaining("no password");
        assertThatThrownBy(() -> credentials.of(account(SignIn.MICROSOFT_365)))
                .isInstanceOf(AccountCredentials.SignInNeeded.class).hasMessageContaining("no sign-in");
    }

    @Test
    void anOAuthAccountGetsAFreshAccessTokenAndARotatedRefreshTokenIsSaved() throws Exception {
        server.rotateRefreshTokens(true);
        MailAccount account = account(SignIn.GOOGLE);
        String first = server.issueRefreshToken();
        keychain.put(account.secretKey(), first.toCharArray());

        MailCredentials fresh = credentials.of(account);

        assertThat(fresh).isInstanceOfSatisfying(MailCredentials.OAuthToken.class,
                token -> assertThat(token.accessToken()).startsWith("at-").isIn(server.issuedSecrets()));
        String saved = new String(keychain.get(account.secretKey()).orElseThrow());
        assertThat(saved).isNotEqualTo(first).isIn(server.issuedSecrets());
        assertThat(credentials.of(account)).isInstanceOf(MailCredentials.OAuthToken.class);
    }

    @Test
    void aRevokedSignInAsksTheUserToSignInAgain() {
        MailAccount account = account(SignIn.MICROSOFT_365);
        keychain.put(account.secretKey(), server.issueRefreshToken().toCharArray());
        server.revokeRefreshTokens();

        assertThatThrownBy(() -> credentials.of(account)).isInstanceOf(AccountCredentials.SignInNeeded.class)
                .hasMessageContaining("sign in again");
    }
}
