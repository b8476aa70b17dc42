package org.hearth.ingest.mail.oauth;

import java.io.IOException;
import java.net.URI;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.BooleanSupplier;
import org.hearth.ingest.mail.oauth.OAuthException.Kind;

/**
 * Signs the user in with the authorization code flow for native apps: RFC 8252 (system browser, loopback redirect)
 * with PKCE (RFC 7636). The user types the password into the provider's page in the real browser, never into
 * Hearth; Hearth only gets tokens.
 */
public final class AuthorizationCodeFlow {

    private final TokenClient tokenClient;
    private final SecureRandom random = new SecureRandom();

    public AuthorizationCodeFlow() {
        this(new TokenClient());
    }

    public AuthorizationCodeFlow(TokenClient tokenClient) {
        this.tokenClient = Objects.requireNonNull(tokenClient, "tokenClient");
    }

    /**
     * Opens the provider's sign-in page in {@code browser}, waits for the redirect back to Hearth and redeems its
     * code for tokens.
     *
     * @param loginHint the mail address, so the provider can skip asking which account; {@code null} or blank to
     *                  let the user choose
     * @param cancelled looked at about ten times a second while waiting for the browser
     * @param timeout   how long to wait for the browser; a few minutes, as the user may need a second factor
     * @throws OAuthException {@link Kind#DENIED}, {@link Kind#CANCELLED}, {@link Kind#TIMED_OUT},
     *                        {@link Kind#NO_BROWSER}, or what {@link TokenClient} throws for the code
     */
    public OAuthTokens authorize(OAuthProvider provider, String loginHint, Browser browser, BooleanSupplier cancelled,
                                 Duration timeout) throws OAuthException {
        Pkce pkce = Pkce.create(random);
        String state = randomState();
        String code;
        URI redirectUri;
        try (LoopbackRedirect redirect = listen(state)) {
            redirectUri = redirect.redirectUri();
            open(browser, authorizationUri(provider, redirectUri, state, pkce.challenge(), loginHint));
            code = redirect.awaitCode(cancelled, timeout);
        }
        return tokenClient.exchangeCode(provider, code, redirectUri, pkce.verifier());
    }

    /** RFC 6749, section 4.1.1, plus the PKCE challenge and the provider-neutral {@code login_hint}. */
    static URI authorizationUri(OAuthProvider provider, URI redirectUri, String state, String challenge,
                                String loginHint) {
        Map<String, String> query = new LinkedHashMap<>();
        query.put("response_type", "code");
        query.put("client_id", provider.clientId());
        query.put("redirect_uri", redirectUri.toString());
        query.put("scope", provider.scopeParameter());
        query.put("state", state);
        query.put("code_challenge", challenge);
        query.put("code_challenge_method", "S256");
        if (loginHint != null && !loginHint.isBlank()) {
            query.put("login_hint", loginHint.strip());
        }
        String endpoint = provider.authorizationEndpoint().toString();
        return URI.create(endpoint + (endpoint.contains("?") ? "&" : "?") + FormEncoding.encode(query));
    }

    private String randomState() {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static LoopbackRedirect listen(String state) throws OAuthException {
        try {
            return LoopbackRedirect.listen(state);
        } catch (IOException e) {
            throw new OAuthException(Kind.PROTOCOL, "Could not listen on 127.0.0.1 for the sign-in", e);
        }
    }

    /** The browser's exception is not kept as the cause: its message may quote the URI, login hint included. */
    private static void open(Browser browser, URI uri) throws OAuthException {
        try {
            browser.open(uri);
        } catch (IOException | RuntimeException e) {
            throw new OAuthException(Kind.NO_BROWSER, "Could not open the system browser ("
                    + e.getClass().getSimpleName() + ")");
        }
    }
}
