package org.hearth.ingest.mail.oauth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.hearth.fixtures.http.LoopbackFileServer;
import org.hearth.fixtures.oauth.FakeAuthorizationServer;
import org.hearth.ingest.mail.oauth.OAuthException.Kind;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class TokenClientTest {

    private static final String CLIENT_ID = "hearth-test-client";
    private static final Instant NOW = Instant.parse("2026-03-02T09:15:00Z");

    private FakeAuthorizationServer server;
    private OAuthProvider provider;
    private final TokenClient client = new TokenClient(HttpClient.newHttpClient(), Clock.fixed(NOW, ZoneOffset.UTC));

    @BeforeEach
    void start() throws IOException {
        server = FakeAuthorizationServer.start(CLIENT_ID, Optional.empty());
        provider = providerAt(server.tokenEndpoint(), Optional.empty());
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void aRefreshGivesANewAccessTokenAndKeepsTheRefreshTokenWhenNoNewOneComes() throws Exception {
        String refreshToken = server.issueRefreshToken();

        OAuthTokens tokens = client.refresh(provider, refreshToken.toCharArray());

        assertThat(tokens.accessToken()).startsWith("at-").isIn(server.issuedSecrets());
        assertThat(tokens.refreshToken()).contains(refreshToken);
        assertThat(tokens.expiresAt()).isEqualTo(NOW.plusSeconds(FakeAuthorizationServer.EXPIRES_IN_SECONDS));
        assertThat(server.tokenRequests().getFirst().parameters())
                .containsEntry("grant_type", "refresh_token")
                .containsEntry("refresh_token", refreshToken)
                .containsEntry("client_id", CLIENT_ID)
                .containsEntry("scope", "imap offline_access");
    }

    @Test
    void aRotatedRefreshTokenReplacesTheOldOne() throws Exception {
        server.rotateRefreshTokens(true);
        String first = server.issueRefreshToken();

        OAuthTokens tokens = client.refresh(provider, first.toCharArray());

        assertThat(tokens.refreshToken()).get().isNotEqualTo(first).isIn(server.issuedSecrets());
        OAuthException reused = catchThrowableOfType(OAuthException.class,
                () -> client.refresh(provider, first.toCharArray()));
        assertThat(reused.kind()).isEqualTo(Kind.INVALID_GRANT);
    }

    @Test
    void aRevokedRefreshTokenMeansSignInAgainAndTheMessageDoesNotQuoteIt() {
        String refreshToken = server.issueRefreshToken();
        server.revokeRefreshTokens();

        OAuthException thrown = catchThrowableOfType(OAuthException.class,
                () -> client.refresh(provider, refreshToken.toCharArray()));

        assertThat(thrown.kind()).isEqualTo(Kind.INVALID_GRANT);
        assertThat(thrown.getMessage()).contains("sign in again");
        Secrets.assertNoneIn(thrown, List.of(refreshToken, "expired or revoked"));
    }

    @Test
    void theClientSecretGoesWithEveryRequestWhenTheProviderHasOne() throws Exception {
        try (FakeAuthorizationServer google = FakeAuthorizationServer.start(CLIENT_ID, Optional.of("GOCSPX-installed"))) {
            String refreshToken = google.issueRefreshToken();

            client.refresh(providerAt(google.tokenEndpoint(), Optional.of("GOCSPX-installed")), refreshToken.toCharArray());
            OAuthException withoutSecret = catchThrowableOfType(OAuthException.class,
                    () -> client.refresh(providerAt(google.tokenEndpoint(), Optional.empty()), refreshToken.toCharArray()));

            assertThat(google.tokenRequests().getFirst().parameters()).containsEntry("client_secret", "GOCSPX-installed");
            assertThat(withoutSecret.kind()).isEqualTo(Kind.PROTOCOL);
            assertThat(withoutSecret.getMessage()).contains("invalid_client");
        }
    }

    @Test
    void aTokenEndpointNobodyListensOnIsUnreachable() throws Exception {
        URI gone;
        try (FakeAuthorizationServer shortLived = FakeAuthorizationServer.start(CLIENT_ID, Optional.empty())) {
            gone = shortLived.tokenEndpoint();
        }

        OAuthException thrown = catchThrowableOfType(OAuthException.class,
                () -> client.refresh(providerAt(gone, Optional.empty()), "rt-whatever".toCharArray()));

        assertThat(thrown.kind()).isEqualTo(Kind.UNREACHABLE);
        Secrets.assertNoneIn(thrown, List.of("rt-whatever"));
    }

    @Test
    void anAnswerWithoutAnAccessTokenIsAProtocolError() throws Exception {
        try (LoopbackFileServer odd = LoopbackFileServer.start()) {
            odd.serveJson("/token", "{\"token_type\":\"Bearer\",\"expires_in\":3600,\"refresh_token\":\"rt-odd\"}");

            OAuthException thrown = catchThrowableOfType(OAuthException.class,
                    () -> client.refresh(providerAt(odd.baseUri().resolve("/token"), Optional.empty()), "rt-1".toCharArray()));

            assertThat(thrown.kind()).isEqualTo(Kind.PROTOCOL);
            Secrets.assertNoneIn(thrown, List.of("rt-odd", "rt-1"));
        }
    }

    @Test
    void anAnswerThatIsNotJsonIsAProtocolErrorThatDoesNotQuoteIt() throws Exception {
        try (LoopbackFileServer odd = LoopbackFileServer.start()) {
            odd.serveJson("/token", "access_token=at-form-encoded&token_type=bearer");

            OAuthException thrown = catchThrowableOfType(OAuthException.class,
                    () -> client.refresh(providerAt(odd.baseUri().resolve("/token"), Optional.empty()), "rt-1".toCharArray()));

            assertThat(thrown.kind()).isEqualTo(Kind.PROTOCOL);
            assertThat(thrown.getCause()).isNull();
            Secrets.assertNoneIn(thrown, List.of("at-form-encoded", "rt-1"));
        }
    }

    @Test
    void aMissingLifetimeIsTakenAsShortNotAsForever() throws Exception {
        try (LoopbackFileServer terse = LoopbackFileServer.start()) {
            terse.serveJson("/token", "{\"access_token\":\"at-terse\",\"token_type\":\"bearer\"}");

            OAuthTokens tokens = client.refresh(providerAt(terse.baseUri().resolve("/token"), Optional.empty()),
                    "rt-1".toCharArray());

            assertThat(tokens.accessToken()).isEqualTo("at-terse");
            assertThat(tokens.expiresAt()).isAfter(NOW).isBeforeOrEqualTo(NOW.plusSeconds(600));
        }
    }

    @Test
    void tokensNeverShowInToString() {
        OAuthTokens tokens = new OAuthTokens("at-visible?", Optional.of("rt-visible?"), NOW);

        assertThat(tokens.toString()).contains("expiresAt=" + NOW);
        Secrets.assertNoneIn(tokens, List.of("at-visible?", "rt-visible?"));
    }

    private OAuthProvider providerAt(URI tokenEndpoint, Optional<String> clientSecret) {
        return new OAuthProvider("Fake", server.authorizationEndpoint(), tokenEndpoint,
                List.of("imap", "offline_access"), CLIENT_ID, clientSecret);
    }
}
