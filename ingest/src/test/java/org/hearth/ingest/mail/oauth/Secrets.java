package org.hearth.ingest.mail.oauth;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Collection;

/** Checks that what ends up in logs (messages of a whole cause chain, {@code toString}) quotes none of the secrets. */
final class Secrets {

    private Secrets() {
    }

    static void assertNoneIn(Throwable thrown, Collection<String> secrets) {
        assertThat(secrets).as("the secrets to look for").isNotEmpty();
        for (Throwable t = thrown; t != null; t = t.getCause()) {
            for (String secret : secrets) {
                assertThat(String.valueOf(t.getMessage())).doesNotContain(secret);
                assertThat(t.toString()).doesNotContain(secret);
            }
        }
    }

    static void assertNoneIn(Object value, Collection<String> secrets) {
        assertThat(secrets).as("the secrets to look for").isNotEmpty();
        for (String secret : secrets) {
            assertThat(value.toString()).doesNotContain(secret);
        }
    }
}
