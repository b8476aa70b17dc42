package org.hearth.app.privacy;

import java.net.http.HttpClient;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.hearth.app.secrets.Keychain;
import org.hearth.app.secrets.SecretStoreException;
import org.hearth.assistant.engine.Engine;
import org.hearth.assistant.engine.remote.ApiKey;
import org.hearth.assistant.engine.remote.RemoteEndpoint;
import org.hearth.assistant.engine.remote.RemoteEngine;
import org.hearth.assistant.route.AnonymisingEngine;
import org.hearth.assistant.route.EgressRecorder;
import org.hearth.assistant.route.JobClass;
import org.hearth.assistant.route.Route;
import org.hearth.assistant.route.Target;
import org.hearth.assistant.route.anonymise.Anonymiser;
import org.hearth.assistant.route.anonymise.KnownEntity;
import org.hearth.assistant.route.anonymise.Placeholders;
import org.hearth.assistant.route.egress.EgressLog;
import org.hearth.domain.OnFirstUse;

/**
 * The engine a routed job runs on: the target's OpenAI-compatible server, every request logged before it leaves,
 * and — unless the firm turned it off for its own server — anonymised on the way out and restored on the way back
 * with the job's placeholders (the same ones its preview showed).
 */
public final class RoutedEngines {

    private final Supplier<HttpClient> client;
    private final Keychain keychain;
    private final RoutingStore store;
    private final EgressLog log;

    public RoutedEngines(Supplier<HttpClient> client, Keychain keychain, RoutingStore store, EgressLog log) {
        this.client = client;
        this.keychain = keychain;
        this.store = store;
        this.log = log;
    }

    /**
     * A client for targets: connects within 10 s, never follows a redirect to another host. Made for the first routed
     * job, not at the window's start: a new client sets up TLS.
     */
    public static Supplier<HttpClient> client() {
        return new OnFirstUse<>(() -> HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10))
                .followRedirects(HttpClient.Redirect.NEVER).build());
    }

    /**
     * @param route        a route that leaves the machine
     * @param confirmation how the user allowed this job to go ("preview", "policy", "cli --yes")
     */
    public Engine engine(Route route, JobClass job, String confirmation, Placeholders placeholders, List<KnownEntity> known,
                         Optional<Pattern> firmFileNumber) throws SecretStoreException {
        Target target = route.target().orElseThrow(() -> new IllegalArgumentException("this job runs on this machine"));
        RemoteEngine remote = new RemoteEngine(client.get(), RemoteEndpoint.of(target.baseUri(), target.model(), target.contextLength(), 1),
                apiKey(target), new EgressRecorder(log, job, route, confirmation, placeholders, store.keepsSentText()));
        return target.anonymise() ? new AnonymisingEngine(remote, new Anonymiser(placeholders, known, firmFileNumber)) : remote;
    }

    /** The target's API key from the keychain, or none (a firm's own server often has none). */
    private ApiKey apiKey(Target target) throws SecretStoreException {
        RoutingStore.StoredTarget stored = store.find(target.name()).orElseThrow(() -> new IllegalArgumentException(
                "the target \"" + target.name() + "\" was removed"));
        if (!stored.hasKey()) {
            return ApiKey.none();
        }
        char[] key = keychain.open().get(stored.secretKey()).orElseThrow(() -> new IllegalStateException(
                "the keychain has no API key for \"" + target.name() + "\"; remove the target and add it again"));
        return ApiKey.of(key);
    }
}
