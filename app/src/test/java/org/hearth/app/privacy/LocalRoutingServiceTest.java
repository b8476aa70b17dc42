package org.hearth.app.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.hearth.app.HearthPaths;
import org.hearth.app.secrets.InMemorySecretStore;
import org.hearth.app.state.LocalState;
import org.hearth.assistant.route.JobClass;
import org.hearth.assistant.route.Target;
import org.hearth.assistant.route.TargetKind;
import org.hearth.assistant.route.egress.EgressLog;
import org.hearth.assistant.route.egress.EgressRequest;
import org.hearth.assistant.route.egress.Verification;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The window's routing service: keys in the keychain only, the policy per kind of job, the egress log as written. */
class LocalRoutingServiceTest {

    private static final Target CLOUD = new Target("Cloud", TargetKind.CLOUD, URI.create("https://api.example.com/v1"), "big", 32768,
            true, Optional.of(0.4), Optional.of(1.6));

    @TempDir
    Path dir;

    private final InMemorySecretStore keychain = new InMemorySecretStore();
    private HearthPaths paths;
    private RoutingStore store;
    private LocalRoutingService routing;

    @BeforeEach
    void open() throws Exception {
        paths = new HearthPaths(dir.resolve("home"));
        Files.createDirectories(paths.home());
        store = new RoutingStore(LocalState.open(paths.database()));
        routing = new LocalRoutingService(store, () -> keychain, EgressLogs.in(paths));
    }

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    void a_servers_key_goes_to_the_keychain_and_leaves_it_with_the_server() {
        routing.addTarget(CLOUD, "sk-cloud-42".toCharArray());
        routing.allow(JobClass.SUMMARY, Optional.of("Cloud"), true);
        String secretKey = store.find("Cloud").orElseThrow().secretKey();

        assertThat(routing.targets()).containsExactly(CLOUD);
        assertThat(keychain.get(secretKey)).hasValueSatisfying(key -> assertThat(new String(key)).isEqualTo("sk-cloud-42"));
        assertThat(routing.allowed(JobClass.SUMMARY)).contains("Cloud");
        assertThat(routing.allowed(JobClass.DRAFT)).isEmpty();
        assertThat(routing.withoutAsking(JobClass.SUMMARY)).isTrue();

        routing.removeTarget("Cloud");

        assertThat(routing.targets()).isEmpty();
        assertThat(keychain.get(secretKey)).isEmpty();
        assertThat(routing.allowed(JobClass.SUMMARY)).as("no permission outlives its server").isEmpty();
        assertThat(routing.withoutAsking(JobClass.SUMMARY)).as("nor sending without asking").isFalse();
    }

    @Test
    void a_server_without_a_key_never_opens_the_keychain() {
        LocalRoutingService noKeychain = new LocalRoutingService(store, () -> {
            throw new AssertionError("the keychain was opened");
        }, EgressLogs.in(paths));

        noKeychain.addTarget(new Target("Kanzlei-Server", TargetKind.FIRM, URI.create("http://10.0.0.5:8080/v1"), "m", 8192, false,
                Optional.empty(), Optional.empty()), new char[0]);

        assertThat(store.find("Kanzlei-Server").orElseThrow().hasKey()).isFalse();
    }

    @Test
    void the_egress_log_is_read_as_written_and_a_changed_entry_is_found() throws Exception {
        EgressLog log = EgressLogs.in(paths);
        for (int i = 0; i < 2; i++) {
            log.record(new EgressRequest("summary", "Cloud", "api.example.com:443", "≈ 900 tokens", Map.of("PERSON", 2), "preview", false),
                    ("{\"n\":" + i + "}").getBytes(StandardCharsets.UTF_8));
        }
        assertThat(routing.egressEntries()).extracting(entry -> entry.sequence()).containsExactly(1L, 2L);
        assertThat(routing.verifyEgress().intact()).isTrue();

        List<String> lines = Files.readAllLines(log.file());
        Files.write(log.file(), List.of(lines.get(0).replace("\"bytes\":7", "\"bytes\":8"), lines.get(1)));

        Verification verification = routing.verifyEgress();
        assertThat(verification.broken()).hasValueSatisfying(at -> assertThat(at.line()).isEqualTo(1));
    }
}
