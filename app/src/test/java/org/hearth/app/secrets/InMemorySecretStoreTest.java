package org.hearth.app.secrets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class InMemorySecretStoreTest {

    private final InMemorySecretStore store = new InMemorySecretStore();

    @Test
    void aStoredSecretComesBackUntilDeleted() {
        store.put("imap.account-1", "geheim".toCharArray());

        assertThat(store.get("imap.account-1")).hasValueSatisfying(s -> assertThat(s).containsExactly("geheim".toCharArray()));
        store.delete("imap.account-1");
        assertThat(store.get("imap.account-1")).isEmpty();
    }

    @Test
    void theStoreKeepsItsOwnCopySoCallersCanWipeTheirs() {
        char[] given = "geheim".toCharArray();
        store.put("imap.account-1", given);
        Arrays.fill(given, '\0');

        char[] first = store.get("imap.account-1").orElseThrow();
        Arrays.fill(first, '\0');

        assertThat(store.get("imap.account-1")).hasValueSatisfying(s -> assertThat(s).containsExactly("geheim".toCharArray()));
    }

    @Test
    void aPutReplacesAndKeysAreSeparate() {
        store.put("a", "one".toCharArray());
        store.put("b", "two".toCharArray());
        store.put("a", "three".toCharArray());

        assertThat(store.get("a")).hasValueSatisfying(s -> assertThat(s).containsExactly("three".toCharArray()));
        assertThat(store.get("b")).hasValueSatisfying(s -> assertThat(s).containsExactly("two".toCharArray()));
    }

    @Test
    void keysAreIdsNotAddresses() {
        assertThatThrownBy(() -> store.put("kanzlei@example.de", "x".toCharArray())).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> store.get("")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> store.delete("a b")).isInstanceOf(IllegalArgumentException.class);
    }
}
