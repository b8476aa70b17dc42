package org.hearth.app.secrets;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What every keychain store that runs a command-line tool must do, each against a fake of its tool (a shell script,
 * hence its subclasses run on Linux and macOS only).
 */
abstract class ToolSecretStoreTest {

    @TempDir
    Path dir;

    /** The store, on a fake tool in {@link #dir}. */
    abstract SecretStore store() throws Exception;

    /** Everything a careless call of this tool would mangle or expose. */
    abstract String secret();

    @Test
    void aSecretComesBackExactlyAndGoesWhenDeleted() throws Exception {
        SecretStore store = store();

        store.put("imap.account-1", secret().toCharArray());
        char[] read = store.get("imap.account-1").orElseThrow();
        store.delete("imap.account-1");

        assertThat(new String(read)).isEqualTo(secret());
        assertThat(store.get("imap.account-1")).isEmpty();
    }

    @Test
    void keysAreSeparateAndAPutReplaces() throws Exception {
        SecretStore store = store();

        store.put("a", "first".toCharArray());
        store.put("b", "other".toCharArray());
        store.put("a", "second".toCharArray());

        assertThat(store.get("a")).hasValueSatisfying(secret -> assertThat(secret).containsExactly("second".toCharArray()));
        assertThat(store.get("b")).hasValueSatisfying(secret -> assertThat(secret).containsExactly("other".toCharArray()));
        assertThat(store.get("c")).isEmpty();
    }
}
