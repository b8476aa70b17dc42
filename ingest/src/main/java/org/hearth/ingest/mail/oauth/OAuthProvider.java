package org.hearth.ingest.mail.oauth;

import java.net.URI;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * An OAuth 2.0 authorization server and the client Hearth is registered as there. The client id is the firm's own
 * app registration when it has one, so the presets take it as a parameter.
 *
 * <p>Endpoints must be HTTPS; plain HTTP is accepted only on the loopback address, for tests.
 *
 * @param clientSecret Google's "installed app" clients come with a secret that is not secret (it ships with every
 *                     copy of the app) but must still be sent; Microsoft's public clients have none
 */
public record OAuthProvider(String name, URI authorizationEndpoint, URI tokenEndpoint, List<String> scopes,
                            String clientId, Optional<String> clientSecret) {

    public OAuthProvider {
        Objects.requireNonNull(name, "name");
        requireSafeEndpoint(authorizationEndpoint, "authorizationEndpoint");
        requireSafeEndpoint(tokenEndpoint, "tokenEndpoint");
        scopes = List.copyOf(scopes);
        Objects.requireNonNull(clientId, "clientId");
        Objects.requireNonNull(clientSecret, "clientSecret");
        if (scopes.isEmpty() || scopes.stream().anyMatch(scope -> scope.isBlank() || scope.contains(" "))) {
            throw new IllegalArgumentException("scopes must be non-empty words");
        }
        if (clientId.isBlank()) {
            throw new IllegalArgumentException("clientId is empty");
        }
    }

    /**
     * Microsoft 365 (Exchange Online) for IMAP, any tenant. {@code offline_access} asks for a refresh token, so
     * the user signs in once and not every hour. The app registration needs the delegated permission
     * IMAP.AccessAsUser.All and {@code http://127.0.0.1/callback} as a "Mobile and desktop" redirect URI (Microsoft
     * ignores the port of loopback redirect URIs, as RFC 8252 asks).
     */
    public static OAuthProvider microsoft365(String clientId) {
        return new OAuthProvider("Microsoft 365",
                URI.create("https://login.microsoftonline.com/common/oauth2/v2.0/authorize"),
                URI.create("https://login.microsoftonline.com/common/oauth2/v2.0/token"),
                List.of("https://outlook.office.com/IMAP.AccessAsUser.All", "offline_access"),
                clientId, Optional.empty());
    }

    /**
     * Gmail and Google Workspace for IMAP. {@code https://mail.google.com/} is the one scope Google's IMAP accepts;
     * Google gives installed apps a refresh token without further parameters.
     */
    public static OAuthProvider google(String clientId, String clientSecret) {
        return new OAuthProvider("Google",
                URI.create("https://accounts.google.com/o/oauth2/v2/auth"),
                URI.create("https://oauth2.googleapis.com/token"),
                List.of("https://mail.google.com/"),
                clientId, Optional.of(clientSecret));
    }

    /** The {@code scope} parameter: the scopes separated by spaces (RFC 6749, section 3.3). */
    String scopeParameter() {
        return String.join(" ", scopes);
    }

    /** Without the client secret, harmless as Google's is: a habit worth keeping. */
    @Override
    public String toString() {
        return "OAuthProvider[" + name + ", " + authorizationEndpoint + ", " + tokenEndpoint + ", scopes=" + scopes
                + ", clientId=" + clientId + (clientSecret.isPresent() ? ", with client secret" : "") + "]";
    }

    private static void requireSafeEndpoint(URI endpoint, String what) {
        Objects.requireNonNull(endpoint, what);
        boolean https = "https".equals(endpoint.getScheme()) && endpoint.getHost() != null;
        boolean loopbackHttp = "http".equals(endpoint.getScheme())
                && ("127.0.0.1".equals(endpoint.getHost()) || "localhost".equals(endpoint.getHost()));
        if (!https && !loopbackHttp) {
            throw new IllegalArgumentException(what + " must be an https URL: " + endpoint);
        }
    }
}
