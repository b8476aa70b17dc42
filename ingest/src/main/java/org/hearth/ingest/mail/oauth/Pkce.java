package org.hearth.ingest.mail.oauth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * A PKCE pair (RFC 7636): the challenge goes out with the authorization request, the verifier only with the token
 * request, so a code caught on its way through the browser is useless to whoever caught it.
 */
record Pkce(String verifier, String challenge) {

    /** RFC 7636, section 4.1: the unreserved characters of RFC 3986. */
    private static final String UNRESERVED = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~";
    private static final int VERIFIER_LENGTH = 64;

    static Pkce create(SecureRandom random) {
        char[] verifier = new char[VERIFIER_LENGTH];
        for (int i = 0; i < verifier.length; i++) {
            verifier[i] = UNRESERVED.charAt(random.nextInt(UNRESERVED.length()));
        }
        String text = new String(verifier);
        return new Pkce(text, challengeOf(text));
    }

    /** The S256 method: BASE64URL(SHA256(ASCII(verifier))) without padding. */
    static String challengeOf(String verifier) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    @Override
    public String toString() {
        return "Pkce[(hidden)]";
    }
}
