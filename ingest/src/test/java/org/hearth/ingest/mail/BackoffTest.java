package org.hearth.ingest.mail;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

class BackoffTest {

    private static List<Duration> first(Backoff backoff, int count) {
        List<Duration> waits = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            waits.add(backoff.next());
        }
        return waits;
    }

    private static List<Duration> seconds(long... values) {
        return LongStream.of(values).mapToObj(Duration::ofSeconds).toList();
    }

    @Test
    void withoutJitterItDoublesFromOneSecondAndStaysAtFiveMinutes() {
        assertThat(first(new Backoff(() -> 0.0), 13))
                .isEqualTo(seconds(1, 2, 4, 8, 16, 32, 64, 128, 256, 300, 300, 300, 300));
    }

    @Test
    void jitterShortensAWaitByUpToATenth() {
        assertThat(first(new Backoff(() -> 0.5), 11)).isEqualTo(List.of(Duration.ofMillis(950), Duration.ofMillis(1_900),
                Duration.ofMillis(3_800), Duration.ofMillis(7_600), Duration.ofMillis(15_200), Duration.ofMillis(30_400),
                Duration.ofMillis(60_800), Duration.ofMillis(121_600), Duration.ofMillis(243_200),
                Duration.ofMillis(285_000), Duration.ofMillis(285_000)));

        List<Duration> nominal = seconds(1, 2, 4, 8, 16, 32, 64, 128, 256, 300);
        List<Duration> mostJitter = first(new Backoff(() -> 0.999_999), nominal.size());
        for (int i = 0; i < nominal.size(); i++) {
            Duration upTo = nominal.get(i);
            assertThat(mostJitter.get(i)).isBetween(upTo.minus(upTo.dividedBy(10)), upTo);
        }
    }

    @Test
    void aResetStartsOverAtOneSecond() {
        Backoff backoff = new Backoff(() -> 0.0);
        first(backoff, 20);
        backoff.reset();
        assertThat(first(backoff, 3)).isEqualTo(seconds(1, 2, 4));
    }

    @Test
    void thousandsOfFailuresDoNotOverflow() {
        assertThat(first(new Backoff(() -> 0.0), 5_000).getLast()).isEqualTo(Duration.ofMinutes(5));
    }
}
