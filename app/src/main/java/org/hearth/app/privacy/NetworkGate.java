package org.hearth.app.privacy;

import java.io.IOException;
import java.net.Proxy;
import java.net.ProxySelector;
import java.net.SocketAddress;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one way out of this process. Installed as the JVM's default proxy selector, it is asked before every outgoing
 * connection — {@link java.net.Socket} (IMAP through Angus Mail, TLS sockets) and every {@link java.net.http.HttpClient}
 * without a proxy of its own (model downloads, OAuth, the firm's or a cloud server) — and allows only what something
 * the user started holds a {@link Permit} for right now: a mail account's server while it is synced or watched, the
 * model hub while a download runs, a target while a job routed to it runs. Everything else fails to connect, and the
 * refusal is logged with host and port (never more).
 */
public final class NetworkGate extends ProxySelector {

    private static final Logger LOG = LoggerFactory.getLogger(NetworkGate.class);
    private static volatile NetworkGate current = new NetworkGate();

    /** A host (or, starting with a dot, every host under a domain) and a port (-1: any). */
    public record Rule(String host, int port) {
        public Rule {
            host = host.toLowerCase(Locale.ROOT);
        }

        boolean matches(String otherHost, int otherPort) {
            boolean hostMatches = host.startsWith(".") ? otherHost.endsWith(host) : otherHost.equals(host);
            return hostMatches && (port < 0 || port == otherPort);
        }

        /** The host and port of an http(s) address, the scheme's port where it names none. */
        public static Rule of(URI uri) {
            return new Rule(uri.getHost(), NetworkGate.port(uri));
        }
    }

    /** A connection the gate refused: when, and where it would have gone. */
    public record Refusal(Instant time, String host, int port) {
    }

    /** Allows its rules until closed. */
    public final class Permit implements AutoCloseable {
        private final String why;
        private final List<Rule> rules;

        private Permit(String why, List<Rule> rules) {
            this.why = why;
            this.rules = List.copyOf(rules);
        }

        @Override
        public void close() {
            permits.remove(this);
        }

        @Override
        public String toString() {
            return why + " " + rules;
        }
    }

    private final List<Permit> permits = new CopyOnWriteArrayList<>();
    private final List<Refusal> refusals = new CopyOnWriteArrayList<>();

    /** Puts a new gate in front of every connection of this process; called once, at start. */
    public static NetworkGate install() {
        NetworkGate gate = new NetworkGate();
        ProxySelector.setDefault(gate);
        current = gate;
        return gate;
    }

    /** The gate of this process: the installed one, or one that nothing consults (in-process tests, libraries). */
    public static NetworkGate current() {
        return current;
    }

    /** @param why what the user started, for the log: "sync Kanzlei", "download qwen3.5-4b" */
    public Permit allow(String why, Rule... rules) {
        Permit permit = new Permit(why, List.of(rules));
        permits.add(permit);
        return permit;
    }

    public Permit allow(String why, URI uri) {
        return allow(why, Rule.of(uri));
    }

    public List<Refusal> refusals() {
        return List.copyOf(refusals);
    }

    @Override
    public List<Proxy> select(URI uri) {
        String host = uri.getHost() == null ? "" : uri.getHost().toLowerCase(Locale.ROOT);
        int port = port(uri);
        for (Permit permit : permits) {
            for (Rule rule : permit.rules) {
                if (rule.matches(host, port)) {
                    return List.of(Proxy.NO_PROXY);
                }
            }
        }
        refusals.add(new Refusal(Instant.now(), host, port));
        LOG.warn("Refused a connection to {}:{}: nothing the user started allows it now", host, port);
        throw new IllegalArgumentException("Hearth's network gate refused a connection to " + host + ":" + port);
    }

    @Override
    public void connectFailed(URI uri, SocketAddress address, IOException e) {
        // the caller reports the failure; there is no other route to try
    }

    private static int port(URI uri) {
        if (uri.getPort() >= 0) {
            return uri.getPort();
        }
        return switch (uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT)) {
            case "http", "ws" -> 80;
            case "https", "wss" -> 443;
            default -> -1;
        };
    }
}
