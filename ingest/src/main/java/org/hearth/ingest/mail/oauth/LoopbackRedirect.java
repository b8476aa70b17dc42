package org.hearth.ingest.mail.oauth;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;
import java.util.regex.Pattern;
import org.hearth.ingest.mail.oauth.OAuthException.Kind;

/**
 * The redirect URI of a native app (RFC 8252, section 7.3): an HTTP server on 127.0.0.1 and a port the system
 * picks, for exactly one sign-in. It takes the first request to {@code /callback} whose {@code state} is the one
 * Hearth sent, answers the browser with a short page and ignores everything else, so another local program or a
 * forged redirect cannot slip in a code of its own.
 */
final class LoopbackRedirect implements AutoCloseable {

    static final String PATH = "/callback";

    /** How often {@link #awaitCode} looks at the cancel flag: fast enough for a button, slow enough to be idle. */
    private static final Duration POLL = Duration.ofMillis(100);
    /** OAuth error codes are lowercase words (RFC 6749, 4.1.2.1); anything else is not repeated in a message. */
    private static final Pattern ERROR_CODE = Pattern.compile("[a-z_]{1,64}");

    private final HttpServer server;
    private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
    private final byte[] expectedState;
    private final AtomicBoolean answered = new AtomicBoolean();
    private final CompletableFuture<Outcome> outcome = new CompletableFuture<>();

    /** What the one accepted redirect said. */
    private sealed interface Outcome {
    }

    private record Code(String code) implements Outcome {
    }

    private record Refused(String error) implements Outcome {
    }

    private LoopbackRedirect(HttpServer server, String expectedState) {
        this.server = server;
        this.expectedState = expectedState.getBytes(StandardCharsets.UTF_8);
    }

    /** Starts listening on 127.0.0.1 (not every interface: the code must not be reachable from the network). */
    static LoopbackRedirect listen(String expectedState) throws IOException {
        InetAddress loopback = InetAddress.getByAddress(new byte[] {127, 0, 0, 1});
        HttpServer server = HttpServer.create(new InetSocketAddress(loopback, 0), 0);
        LoopbackRedirect redirect = new LoopbackRedirect(server, expectedState);
        server.createContext("/", redirect::handle);
        server.setExecutor(redirect.executor);
        server.start();
        return redirect;
    }

    /** {@code http://127.0.0.1:PORT/callback}: the IP literal, as RFC 8252 section 8.3 recommends over "localhost". */
    URI redirectUri() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + PATH);
    }

    /**
     * Waits for the redirect and returns its code.
     *
     * @throws OAuthException {@link Kind#DENIED} if the user declined, {@link Kind#CANCELLED} once {@code cancelled}
     *                        says so (or the thread is interrupted), {@link Kind#TIMED_OUT} after {@code timeout},
     *                        {@link Kind#PROTOCOL} for a redirect with neither code nor known error
     */
    String awaitCode(BooleanSupplier cancelled, Duration timeout) throws OAuthException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            if (cancelled.getAsBoolean()) {
                throw new OAuthException(Kind.CANCELLED, "Sign-in cancelled");
            }
            long remaining = deadline - System.nanoTime();
            if (remaining <= 0) {
                throw new OAuthException(Kind.TIMED_OUT, "No sign-in arrived from the browser in time");
            }
            try {
                return codeFrom(outcome.get(Math.min(remaining, POLL.toNanos()), TimeUnit.NANOSECONDS));
            } catch (TimeoutException stillWaiting) {
                // look at the cancel flag and the deadline again
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new OAuthException(Kind.CANCELLED, "Sign-in interrupted");
            } catch (ExecutionException e) {
                throw new IllegalStateException("the outcome is only ever completed normally", e);
            }
        }
    }

    private static String codeFrom(Outcome outcome) throws OAuthException {
        return switch (outcome) {
            case Code code -> code.code();
            case Refused refused when refused.error().equals("access_denied") ->
                    throw new OAuthException(Kind.DENIED, "The sign-in was declined in the browser");
            case Refused refused -> throw new OAuthException(Kind.PROTOCOL, "The provider refused the sign-in: "
                    + (ERROR_CODE.matcher(refused.error()).matches() ? refused.error() : "unknown error"));
        };
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }

    private void handle(HttpExchange exchange) {
        Outcome accepted = null;
        try (exchange) {
            if (!exchange.getRequestURI().getPath().equals(PATH)) {
                exchange.sendResponseHeaders(404, -1);
                return;
            }
            Map<String, String> query = FormEncoding.decode(exchange.getRequestURI().getRawQuery());
            if (!stateMatches(query.get("state"))) {
                sendPage(exchange, 400, Pages.FOREIGN);
                return;
            }
            if (!answered.compareAndSet(false, true)) {
                sendPage(exchange, 409, Pages.ALREADY_DONE);
                return;
            }
            String code = query.get("code");
            accepted = code != null && !code.isEmpty() ? new Code(code) : new Refused(query.getOrDefault("error", ""));
            sendPage(exchange, 200, switch (accepted) {
                case Code ignored -> Pages.SIGNED_IN;
                case Refused refused when refused.error().equals("access_denied") -> Pages.DECLINED;
                case Refused ignored -> Pages.FAILED;
            });
        } catch (IOException browserWentAway) {
            // the page did not reach the browser; the code it brought is still good
        } finally {
            // completed only now, so the page is out before close() stops the server
            if (accepted != null) {
                outcome.complete(accepted);
            }
        }
    }

    private boolean stateMatches(String state) {
        return state != null && MessageDigest.isEqual(expectedState, state.getBytes(StandardCharsets.UTF_8));
    }

    private static void sendPage(HttpExchange exchange, int status, String html) throws IOException {
        byte[] body = html.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
        exchange.getResponseHeaders().set("Cache-Control", "no-store");
        exchange.getResponseHeaders().set("Referrer-Policy", "no-referrer");
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    /** The pages the browser shows after the redirect, German first: Hearth's users are German law firms. */
    private static final class Pages {

        static final String SIGNED_IN = page("Hearth ist angemeldet",
                "Hearth ist angemeldet. Sie können diesen Tab schließen.",
                "Hearth is signed in, you can close this tab.");
        static final String DECLINED = page("Anmeldung abgelehnt",
                "Die Anmeldung wurde abgelehnt. Sie können diesen Tab schließen und es in Hearth erneut versuchen.",
                "The sign-in was declined. You can close this tab and try again in Hearth.");
        static final String FAILED = page("Anmeldung fehlgeschlagen",
                "Die Anmeldung hat nicht geklappt. Sie können diesen Tab schließen und es in Hearth erneut versuchen.",
                "The sign-in did not work. You can close this tab and try again in Hearth.");
        static final String FOREIGN = page("Unbekannte Anmeldung",
                "Diese Anmeldung hat Hearth nicht angefordert. Sie wird ignoriert.",
                "Hearth did not ask for this sign-in. It is ignored.");
        static final String ALREADY_DONE = page("Anmeldung bereits abgeschlossen",
                "Diese Anmeldung ist bereits abgeschlossen. Sie können diesen Tab schließen.",
                "This sign-in is already complete. You can close this tab.");

        private static String page(String title, String german, String english) {
            return """
                    <!DOCTYPE html>
                    <html lang="de"><head><meta charset="utf-8"><title>%s</title></head>
                    <body style="font-family: sans-serif; margin: 3em;">
                    <p>%s</p>
                    <p lang="en">%s</p>
                    </body></html>
                    """.formatted(title, german, english);
        }
    }
}
