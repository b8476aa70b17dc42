package org.hearth.ingest.mail.oauth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.hearth.ingest.mail.oauth.OAuthException.Kind;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class LoopbackRedirectTest {

    private static final String STATE = "s7aTe-from-hearth";
    private static final Duration PATIENT = Duration.ofMinutes(1);

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private LoopbackRedirect redirect;

    @BeforeEach
    void listen() throws IOException {
        redirect = LoopbackRedirect.listen(STATE);
    }

    @AfterEach
    void close() {
        redirect.close();
        http.close();
    }

    @Test
    void itListensOnTheLoopbackIpLiteral() {
        assertThat(redirect.redirectUri().toString()).matches("http://127\\.0\\.0\\.1:\\d+/callback");
    }

    @Test
    void otherPathsAreNotFoundAndTheWaitGoesOn() throws Exception {
        assertThat(get("/favicon.ico").statusCode()).isEqualTo(404);
        assertThat(get("/?code=c-root&state=" + STATE).statusCode()).isEqualTo(404);

        assertThat(get("/callback?code=c-1&state=" + STATE).statusCode()).isEqualTo(200);
        assertThat(redirect.awaitCode(() -> false, PATIENT)).isEqualTo("c-1");
    }

    @Test
    void aForeignStateIsTurnedAwayUntilTheRightOneArrives() throws Exception {
        HttpResponse<String> foreign = get("/callback?code=c-forged&state=someone-else");
        HttpResponse<String> missing = get("/callback?code=c-forged");
        HttpResponse<String> right = get("/callback?code=c-good&state=" + STATE);

        assertThat(foreign.statusCode()).isEqualTo(400);
        assertThat(foreign.body()).contains("nicht angefordert", "did not ask for");
        assertThat(missing.statusCode()).isEqualTo(400);
        assertThat(right.statusCode()).isEqualTo(200);
        assertThat(redirect.awaitCode(() -> false, PATIENT)).isEqualTo("c-good");
    }

    @Test
    void onlyTheFirstMatchingRedirectCounts() throws Exception {
        get("/callback?code=c-first&state=" + STATE);
        HttpResponse<String> second = get("/callback?code=c-second&state=" + STATE);

        assertThat(second.statusCode()).isEqualTo(409);
        assertThat(redirect.awaitCode(() -> false, PATIENT)).isEqualTo("c-first");
    }

    @Test
    void anErrorOtherThanAccessDeniedIsAProtocolErrorNamingOnlyAStandardCode() throws Exception {
        get("/callback?error=temporarily_unavailable&state=" + STATE);

        OAuthException thrown = catchThrowableOfType(OAuthException.class, () -> redirect.awaitCode(() -> false, PATIENT));

        assertThat(thrown.kind()).isEqualTo(Kind.PROTOCOL);
        assertThat(thrown.getMessage()).contains("temporarily_unavailable");
    }

    @Test
    void anErrorThatIsNoOAuthCodeIsNotRepeated() throws Exception {
        get("/callback?error=%3Cb%3Ekanzlei%40example.de%3C%2Fb%3E&state=" + STATE);

        OAuthException thrown = catchThrowableOfType(OAuthException.class, () -> redirect.awaitCode(() -> false, PATIENT));

        assertThat(thrown.kind()).isEqualTo(Kind.PROTOCOL);
        assertThat(thrown.getMessage()).doesNotContain("kanzlei").contains("unknown error");
    }

    @Test
    void noRedirectInTimeIsATimeout() {
        OAuthException thrown = catchThrowableOfType(OAuthException.class,
                () -> redirect.awaitCode(() -> false, Duration.ofMillis(200)));

        assertThat(thrown.kind()).isEqualTo(Kind.TIMED_OUT);
    }

    @Test
    void anInterruptCancelsAndStaysVisible() {
        Thread.currentThread().interrupt();

        OAuthException thrown = catchThrowableOfType(OAuthException.class, () -> redirect.awaitCode(() -> false, PATIENT));

        assertThat(thrown.kind()).isEqualTo(Kind.CANCELLED);
        assertThat(Thread.interrupted()).as("the interrupt flag is kept for the caller").isTrue();
    }

    private HttpResponse<String> get(String pathAndQuery) throws IOException, InterruptedException {
        URI uri = redirect.redirectUri().resolve(pathAndQuery);
        return http.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(5)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
