package org.hearth.app.privacy;

import java.io.IOException;
import java.net.ProxySelector;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.hearth.app.HearthPaths;
import org.hearth.app.secrets.InMemorySecretStore;
import org.hearth.app.state.LocalState;
import org.hearth.assistant.route.JobClass;
import org.hearth.assistant.route.Target;
import org.hearth.assistant.route.TargetKind;
import org.hearth.fixtures.openai.LoopbackOpenAiServer;

/**
 * What the window's routed-job tests share: a data folder whose policy lets one kind of job go to the firm's server
 * (a loopback server, anonymised, no API key), the network gate installed in front of every connection, and the
 * engines that log each request. Closing puts the JVM's proxy selector back.
 */
public final class FirmServerAllowed implements AutoCloseable {

    public static final String SERVER = "Kanzlei-Server";

    private final ProxySelector before = ProxySelector.getDefault();
    private final NetworkGate gate = NetworkGate.install();
    private final HearthPaths paths;
    private final RoutingStore store;
    private final RoutedEngines engines;

    public FirmServerAllowed(JobClass job, Path home, LoopbackOpenAiServer server, String model, int contextLength) throws IOException {
        paths = new HearthPaths(home);
        Files.createDirectories(paths.home());
        store = new RoutingStore(LocalState.open(paths.database()));
        store.add(new Target(SERVER, TargetKind.FIRM, server.baseUri(), model, contextLength, true, Optional.empty(), Optional.empty()), false);
        store.allow(job, List.of(SERVER));
        engines = new RoutedEngines(RoutedEngines.client(), InMemorySecretStore::new, store, EgressLogs.in(paths));
    }

    /** The routing a job of this kind gets in the window: the policy read at each decision. */
    public JobRouting routing(JobClass job) {
        return JobRouting.of(job, store, Optional.empty(), engines);
    }

    public HearthPaths paths() {
        return paths;
    }

    public RoutingStore store() {
        return store;
    }

    public NetworkGate gate() {
        return gate;
    }

    @Override
    public void close() {
        ProxySelector.setDefault(before);
        store.close();
    }
}
