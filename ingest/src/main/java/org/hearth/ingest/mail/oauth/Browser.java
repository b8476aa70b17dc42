package org.hearth.ingest.mail.oauth;

import java.io.IOException;
import java.net.URI;

/**
 * Shows the provider's sign-in page to the user. The app opens the system browser (RFC 8252 wants the real
 * browser, not an embedded view, so the user's password never passes through Hearth); tests follow the redirects
 * themselves.
 */
@FunctionalInterface
public interface Browser {

    /**
     * Opens {@code uri}; may return before the user has signed in. The URI carries the login hint, so an
     * implementation must not log it.
     */
    void open(URI uri) throws IOException;
}
