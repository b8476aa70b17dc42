package org.hearth.ingest.mail.oauth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.hearth.fixtures.oauth.FakeAuthorizationServer;
import org.hearth.fixtures.oauth.FakeAuthorizationServer.Authorization;
import org.hearth.ingest.mail.oauth.OAuthException.Kind;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class AuthorizationCodeFlowTest {

    private static final String CLIENT_ID = "hearth-test-client";
    private static final String LOGIN_HINT = "kanzlei.mueller@example.de";
    private static final Duration PATIENT = Duration.ofMinutes(5);

    private FakeAuthorizationServer server;
    private OAuthProvider provider;
    private final AuthorizationCodeFlow flow = new AuthorizationCodeFlow();
    private final FollowingBrowser browser = new FollowingBrowser();

    @BeforeEach
    void start() throws IOException {
        server = FakeAuthorizationServer.start(CLIENT_ID, Optional.empty());
        provider = new OAuthProvider("Fake", server.authorizationEndpoint(), server.tokenEndpoint(),
                List.of("imap", "offline_access"), CLIENT_ID, Optional.empty());
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void aSignInGivesTokensAndTheServerSawAMatchingPkcePair() throws Exception {
        Instant before = Instant.now();
        OAuthTokens tokens = flow.authorize(provider, LOGIN_HINT, browser, () -> false, PATIENT);
        Instant after = Instant.now();

        FakeAuthorizationServer.Request authorization = server.authorizationRequests().getFirst();
        assertThat(authorization.parameters()).containsEntry("response_type", "code")
                .containsEntry("client_id", CLIENT_ID)
                .containsEntry("scope", "imap offline_access")
                .containsEntry("code_challenge_method", "S256")
                .containsEntry("login_hint", LOGIN_HINT);
        assertThat(authorization.parameter("redirect_uri")).matches("http://127\\.0\\.0\\.1:\\d+/callback");
        assertThat(authorization.parameter("state")).hasSizeGreaterThanOrEqualTo(32);

        FakeAuthorizationServer.Request token = server.tokenRequests().getFirst();
        assertThat(token.parameters()).containsEntry("grant_type", "authorization_code")
                .containsEntry("client_id", CLIENT_ID)
                .containsEntry("redirect_uri", authorization.parameter("redirect_uri"))
                .doesNotContainKey("client_secret");
        String verifier = token.parameter("code_verifier");
        assertThat(verifier).matches("[A-Za-z0-9._~-]{64}");
        assertThat(FakeAuthorizationServer.s256(verifier)).isEqualTo(authorization.parameter("code_challenge"));

        assertThat(tokens.accessToken()).startsWith("at-").isIn(server.issuedSecrets());
        assertThat(tokens.refreshToken()).get().asString().startsWith("rt-").isIn(server.issuedSecrets());
        Duration lifetime = Duration.ofSeconds(FakeAuthorizationServer.EXPIRES_IN_SECONDS);
        assertThat(tokens.expiresAt()).isBetween(before.plus(lifetime), after.plus(lifetime));

        assertThat(browser.lastPage().statusCode()).isEqualTo(200);
        assertThat(browser.lastPage().body()).contains("Hearth ist angemeldet", "Hearth is signed in, you can close this tab");
        assertThat(browser.lastPage().headers().firstValue("Content-Type")).hasValue("text/html; charset=utf-8");
        Secrets.assertNoneIn(tokens, server.issuedSecrets());
    }

    @Test
    void theRedirectListenerIsGoneOnceTheSignInIsDone() throws Exception {
        flow.authorize(provider, LOGIN_HINT, browser, () -> false, PATIENT);

        URI redirectUri = URI.create(server.authorizationRequests().getFirst().parameter("redirect_uri"));
        assertThatThrownBy(() -> get(redirectUri)).isInstanceOf(IOException.class);
    }

    @Test
    void aRedirectWithAnotherStateIsNotAccepted() {
        server.answerAuthorizations(Authorization.WRONG_STATE);

        OAuthException thrown = catchThrowableOfType(OAuthException.class,
                () -> flow.authorize(provider, LOGIN_HINT, browser, () -> false, Duration.ofMillis(500)));

        assertThat(thrown.kind()).isEqualTo(Kind.TIMED_OUT);
        assertThat(browser.lastPage().statusCode()).isEqualTo(400);
        assertThat(server.tokenRequests()).as("the forged code is never redeemed").isEmpty();
        Secrets.assertNoneIn(thrown, secretsSoFar());
    }

    @Test
    void aDeclinedSignInIsDenied() {
        server.answerAuthorizations(Authorization.DENY);

        OAuthException thrown = catchThrowableOfType(OAuthException.class,
                () -> flow.authorize(provider, LOGIN_HINT, browser, () -> false, PATIENT));

        assertThat(thrown.kind()).isEqualTo(Kind.DENIED);
        assertThat(browser.lastPage().body()).contains("abgelehnt", "declined");
        assertThat(server.tokenRequests()).isEmpty();
        Secrets.assertNoneIn(thrown, List.of(LOGIN_HINT));
    }

    @Test
    void cancellingEndsTheWaitPromptlyAndClosesTheListener() {
        AtomicBoolean cancelled = new AtomicBoolean();
        AtomicReference<URI> opened = new AtomicReference<>();
        Browser userNeverSignsIn = uri -> {
            opened.set(uri);
            cancelled.set(true);
        };

        long start = System.nanoTime();
        OAuthException thrown = catchThrowableOfType(OAuthException.class,
                () -> flow.authorize(provider, LOGIN_HINT, userNeverSignsIn, cancelled::get, PATIENT));
        Duration took = Duration.ofNanos(System.nanoTime() - start);

        assertThat(thrown.kind()).isEqualTo(Kind.CANCELLED);
        assertThat(took).isLessThan(Duration.ofSeconds(3));
        URI redirectUri = URI.create(FormEncoding.decode(opened.get().getRawQuery()).get("redirect_uri"));
        assertThatThrownBy(() -> get(redirectUri)).isInstanceOf(IOException.class);
    }

    @Test
    void aBrowserThatDoesNotOpenEndsTheSignInWithoutQuotingTheUri() {
        Browser broken = uri -> {
            throw new IOException("no handler for " + uri);
        };

        OAuthException thrown = catchThrowableOfType(OAuthException.class,
                () -> flow.authorize(provider, LOGIN_HINT, broken, () -> false, PATIENT));

        assertThat(thrown.kind()).isEqualTo(Kind.NO_BROWSER);
        Secrets.assertNoneIn(thrown, List.of(LOGIN_HINT, "login_hint", "code_challenge"));
    }

    @Test
    void aRefusedCodeExchangeNamesTheErrorButNothingSecret() {
        OAuthProvider wrongSecret = new OAuthProvider("Fake", server.authorizationEndpoint(), server.tokenEndpoint(),
                List.of("imap"), CLIENT_ID, Optional.of("not-the-secret"));

        OAuthException thrown = catchThrowableOfType(OAuthException.class,
                () -> flow.authorize(wrongSecret, LOGIN_HINT, browser, () -> false, PATIENT));

        assertThat(thrown.kind()).isEqualTo(Kind.PROTOCOL);
        assertThat(thrown.getMessage()).contains("invalid_client", "401");
        Secrets.assertNoneIn(thrown, secretsSoFar());
    }

    /** Everything a message must not quote: issued codes and tokens, the verifier, the user's address. */
    private List<String> secretsSoFar() {
        List<String> secrets = new ArrayList<>(server.issuedSecrets());
        server.tokenRequests().forEach(request -> Optional.ofNullable(request.parameter("code_verifier"))
                .ifPresent(secrets::add));
        secrets.add(LOGIN_HINT);
        return secrets;
    }

    private static HttpResponse<String> get(URI uri) throws IOException, InterruptedException {
        try (HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build()) {
            return http.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(5)).build(),
                    HttpResponse.BodyHandlers.ofString());
        }
    }
}
