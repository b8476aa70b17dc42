package org.hearth.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class OnFirstUseTest {

    @Test
    void theValueIsMadeAtTheFirstGetAndOnlyOnce() {
        AtomicInteger made = new AtomicInteger();
        OnFirstUse<String> value = new OnFirstUse<>(() -> "client " + made.incrementAndGet());

        assertThat(made).as("nothing made before it is asked for").hasValue(0);
        assertThat(value.get()).isEqualTo("client 1");
        assertThat(value.get()).isEqualTo("client 1");
        assertThat(made).hasValue(1);
    }
}
