package org.hearth.assistant.route;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RouterTest {

    private static final Target FIRM = new Target("Kanzlei-Server", TargetKind.FIRM, URI.create("http://10.0.0.5:8080"), "qwen3.5-27b",
            32_768, false, Optional.empty(), Optional.empty());
    private static final Target SMALL_FIRM = new Target("Alter Rechner", TargetKind.FIRM, URI.create("http://10.0.0.9:8080"), "qwen3.5-4b",
            1_024, false, Optional.empty(), Optional.empty());
    private static final Target CHEAP = new Target("Günstig", TargetKind.CLOUD, URI.create("https://api.cheap.example"), "m",
            128_000, true, Optional.of(0.20), Optional.of(0.80));
    private static final Target DEAR = new Target("Teuer", TargetKind.CLOUD, URI.create("https://api.dear.example"), "m",
            200_000, true, Optional.of(3.00), Optional.of(15.00));

    @Test
    void withoutAnOptInEveryJobStaysOnThisMachine() {
        Route route = Router.decide(List.of(), 38_000, 1_000, false);

        assertThat(route.leavesTheMachine()).isFalse();
        assertThat(route.reason()).isEqualTo(Route.Reason.NOT_OPTED_IN);
    }

    @Test
    void aDocumentMarkedNeverLeavesStaysWhateverThePolicy() {
        assertThat(Router.decide(List.of(FIRM, CHEAP), 38_000, 1_000, true).reason()).isEqualTo(Route.Reason.NEVER_LEAVES);
    }

    @Test
    void theFirmsOwnServerComesBeforeAnyCloud() {
        assertThat(Router.decide(List.of(CHEAP, FIRM), 38_000, 1_000, false).target()).contains(FIRM);
    }

    @Test
    void aFirmServerTooSmallForAStepGivesWayToTheCheapestCloudWithItsCost() {
        Route route = Router.decide(List.of(DEAR, SMALL_FIRM, CHEAP), 38_000, 1_000, false);

        assertThat(route.target()).contains(CHEAP);
        assertThat(route.estimatedCost().orElseThrow()).isCloseTo(38_000 * 0.20 / 1e6 + 1_000 * 0.80 / 1e6, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(route.describe()).isEqualTo("≈ 38,000 tokens, ≈ 0.01 €, goes to: Günstig, anonymised");
    }

    @Test
    void aJobNoAllowedTargetCanHoldStaysLocal() {
        assertThat(Router.decide(List.of(SMALL_FIRM), 38_000, 1_000, false).reason()).isEqualTo(Route.Reason.TOO_LONG_FOR_TARGETS);
    }

    @Test
    void aCloudTargetIsAlwaysAnonymisedAndReachedOverHttps() {
        assertThatThrownBy(() -> new Target("X", TargetKind.CLOUD, URI.create("https://x.example"), "m", 8192, false,
                Optional.empty(), Optional.empty())).hasMessageContaining("always anonymised");
        assertThatThrownBy(() -> new Target("X", TargetKind.CLOUD, URI.create("http://x.example"), "m", 8192, true,
                Optional.empty(), Optional.empty())).hasMessageContaining("https");
    }
}
