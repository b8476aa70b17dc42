package org.hearth.ingest.mail.oauth;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/**
 * A browser for tests: GETs the sign-in URI, reads the {@code Location} of the server's redirect and GETs that too,
 * as a real browser would after the user signed in. Its own HTTP client follows nothing by itself, so the test
 * sees exactly the redirect the server sent. Runs inside {@link #open}, so the final page is there when it returns.
 */
final class FollowingBrowser implements Browser {

    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    private volatile HttpResponse<String> lastPage;

    @Override
    public void open(URI uri) throws IOException {
        try {
            HttpResponse<String> response = get(uri);
            if (response.statusCode() == 302) {
                response = get(uri.resolve(response.headers().firstValue("Location").orElseThrow()));
            }
            lastPage = response;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }

    /** The page the browser ended on: the loopback redirect's answer. */
    HttpResponse<String> lastPage() {
        return lastPage;
    }

    private HttpResponse<String> get(URI uri) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(uri).GET().build(), HttpResponse.BodyHandlers.ofString());
    }
}
