package org.hearth.ingest.mail.oauth;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.hearth.domain.OnFirstUse;
import org.hearth.ingest.mail.oauth.OAuthException.Kind;

/**
 * The token endpoint (RFC 6749, sections 4.1.3 and 6): redeems an authorization code and refreshes access tokens.
 *
 * <p>Messages never carry what the server wrote about an error ({@code error_description}): Microsoft's repeats the
 * user's address at times. Only the standard error code and the HTTP status are passed on.
 */
public final class TokenClient {

    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(15);
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);
    /**
     * Assumed lifetime when a server leaves out {@code expires_in} (RFC 6749 only recommends it): short, so a
     * missing value costs a refresh too many rather than a failed login.
     */
    private static final Duration UNKNOWN_LIFETIME = Duration.ofMinutes(5);
    private static final Pattern ERROR_CODE = Pattern.compile("[a-z_]{1,64}");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Supplier<HttpClient> http;
    private final Clock clock;

    /** The HTTP client is made at the first token request: making one costs the window's start about 0.1 s. */
    public TokenClient() {
        this(new OnFirstUse<>(() -> HttpClient.newBuilder().connectTimeout(CONNECT_TIMEOUT)
                .followRedirects(HttpClient.Redirect.NEVER).build()), Clock.systemUTC());
    }

    public TokenClient(HttpClient http, Clock clock) {
        Objects.requireNonNull(http, "http");
        this(() -> http, clock);
    }

    private TokenClient(Supplier<HttpClient> http, Clock clock) {
        this.http = http;
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * A new access token for {@code refreshToken}. When the server sends a new refresh token (Microsoft does, and
     * then the old one soon stops working) the result has it; otherwise the result keeps {@code refreshToken}.
     *
     * @throws OAuthException {@link Kind#INVALID_GRANT} when the refresh token was revoked or has expired: the user
     *                        must sign in again; {@link Kind#UNREACHABLE} for network trouble: try again later
     */
    public OAuthTokens refresh(OAuthProvider provider, char[] refreshToken) throws OAuthException {
        String token = new String(refreshToken);
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", "refresh_token");
        form.put("refresh_token", token);
        // RFC 6749 makes the scope optional here; Microsoft's endpoint wants it in practice.
        form.put("scope", provider.scopeParameter());
        OAuthTokens tokens = post(provider, form);
        return tokens.refreshToken().isPresent() ? tokens
                : new OAuthTokens(tokens.accessToken(), Optional.of(token), tokens.expiresAt());
    }

    /** Redeems the code of a sign-in, proving with the PKCE verifier that Hearth asked for it. */
    OAuthTokens exchangeCode(OAuthProvider provider, String code, URI redirectUri, String codeVerifier)
            throws OAuthException {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", "authorization_code");
        form.put("code", code);
        form.put("redirect_uri", redirectUri.toString());
        form.put("code_verifier", codeVerifier);
        return post(provider, form);
    }

    private OAuthTokens post(OAuthProvider provider, Map<String, String> grant) throws OAuthException {
        Map<String, String> form = new LinkedHashMap<>(grant);
        form.put("client_id", provider.clientId());
        provider.clientSecret().ifPresent(secret -> form.put("client_secret", secret));
        HttpRequest request = HttpRequest.newBuilder(provider.tokenEndpoint())
                .timeout(REQUEST_TIMEOUT)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(FormEncoding.encode(form)))
                .build();
        Instant sent = clock.instant();
        HttpResponse<String> response;
        try {
            response = http.get().send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new OAuthException(Kind.UNREACHABLE, "Could not reach the token endpoint of " + provider.name()
                    + " (" + provider.tokenEndpoint().getHost() + ")", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new OAuthException(Kind.CANCELLED, "Interrupted while talking to " + provider.name());
        }
        return read(provider, response, sent);
    }

    private OAuthTokens read(OAuthProvider provider, HttpResponse<String> response, Instant sent) throws OAuthException {
        int status = response.statusCode();
        if (status >= 500) {
            throw new OAuthException(Kind.UNREACHABLE, provider.name() + "'s token endpoint has trouble (HTTP "
                    + status + ")");
        }
        Optional<JsonNode> body = parse(response.body());
        if (status != 200) {
            String error = body.map(json -> json.path("error").asText("")).orElse("");
            if (error.equals("invalid_grant")) {
                throw new OAuthException(Kind.INVALID_GRANT, provider.name()
                        + " no longer accepts this sign-in (revoked or expired); please sign in again");
            }
            throw new OAuthException(Kind.PROTOCOL, provider.name() + " refused the token request: "
                    + (ERROR_CODE.matcher(error).matches() ? error : "no error code") + " (HTTP " + status + ")");
        }
        JsonNode json = body.orElseThrow(() -> new OAuthException(Kind.PROTOCOL,
                provider.name() + " answered the token request with something other than JSON"));
        String accessToken = json.path("access_token").asText("");
        String tokenType = json.path("token_type").asText("Bearer");
        if (accessToken.isEmpty() || !tokenType.equalsIgnoreCase("Bearer")) {
            throw new OAuthException(Kind.PROTOCOL, provider.name() + " answered without a bearer access token");
        }
        String refreshToken = json.path("refresh_token").asText("");
        long expiresIn = json.path("expires_in").asLong(0);
        // Counted from when the request left, so the token is never thought to live longer than it does.
        Instant expiresAt = sent.plus(expiresIn > 0 ? Duration.ofSeconds(expiresIn) : UNKNOWN_LIFETIME);
        return new OAuthTokens(accessToken, refreshToken.isEmpty() ? Optional.empty() : Optional.of(refreshToken),
                expiresAt);
    }

    /** Jackson's exceptions quote the text they choke on, which here could be a token: they are dropped, not wrapped. */
    private static Optional<JsonNode> parse(String body) {
        try {
            JsonNode json = JSON.readTree(body);
            return json != null && json.isObject() ? Optional.of(json) : Optional.empty();
        } catch (JacksonException notJson) {
            return Optional.empty();
        }
    }
}
