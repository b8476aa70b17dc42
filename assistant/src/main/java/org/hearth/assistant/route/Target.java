package org.hearth.assistant.route;

import java.net.URI;
import java.util.Objects;
import java.util.Optional;

/**
 * An OpenAI-compatible server a job may go to. Its API key is in the system keychain under the target's name, never
 * here. Data sent to a cloud target is always anonymised; the firm decides for its own server.
 *
 * @param pricePerMillionIn  euros per million prompt tokens (cloud), for the cost estimate
 * @param pricePerMillionOut euros per million generated tokens (cloud)
 */
public record Target(String name, TargetKind kind, URI baseUri, String model, int contextLength, boolean anonymise,
                     Optional<Double> pricePerMillionIn, Optional<Double> pricePerMillionOut) {

    public Target {
        Objects.requireNonNull(name, "name");
        if (!name.matches("[\\p{L}\\p{N} ._-]{1,40}")) {
            throw new IllegalArgumentException("a target's name is 1 to 40 letters, digits, spaces, dots, hyphens or underscores");
        }
        if (kind == TargetKind.CLOUD && !anonymise) {
            throw new IllegalArgumentException("what goes to a cloud target is always anonymised");
        }
        if (contextLength < 512) {
            throw new IllegalArgumentException("a target's context must hold at least 512 tokens, was " + contextLength);
        }
        String scheme = baseUri.getScheme();
        if (!"http".equals(scheme) && !"https".equals(scheme) || baseUri.getHost() == null) {
            throw new IllegalArgumentException("a target's address is an http:// or https:// URL with a host, was " + baseUri);
        }
        if (kind == TargetKind.CLOUD && !"https".equals(scheme)) {
            throw new IllegalArgumentException("a cloud target is reached over https only");
        }
        pricePerMillionIn.ifPresent(Target::checkPrice);
        pricePerMillionOut.ifPresent(Target::checkPrice);
    }

    private static void checkPrice(double price) {
        if (!(price >= 0 && price <= 1000)) {
            throw new IllegalArgumentException("a price per million tokens is between 0 and 1000 €, was " + price);
        }
    }

    /** host:port, as the egress log and the status bar name the target's server. */
    public String hostAndPort() {
        int port = baseUri.getPort() >= 0 ? baseUri.getPort() : "https".equals(baseUri.getScheme()) ? 443 : 80;
        return baseUri.getHost() + ":" + port;
    }

    /** Euros for this many tokens in and out, where the target has prices. */
    public Optional<Double> cost(long tokensIn, long tokensOut) {
        if (pricePerMillionIn.isEmpty() && pricePerMillionOut.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(tokensIn * pricePerMillionIn.orElse(0.0) / 1e6 + tokensOut * pricePerMillionOut.orElse(0.0) / 1e6);
    }
}
