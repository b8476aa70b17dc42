package org.hearth.app.secrets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.hearth.app.secrets.SecretStoreException.Kind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

/** Against a fake {@code secret-tool} (a shell script, hence not on Windows). */
@EnabledOnOs({OS.LINUX, OS.MAC})
class SecretToolStoreTest extends ToolSecretStoreTest {

    /** Spaces, quotes, shell syntax, umlauts, a newline. */
    private static final String SECRET = "Pässwort mit Leerzeichen, \"Quotes\", $HOME und `id`\n";

    @Override
    SecretStore store() throws Exception {
        return new SecretToolStore(FakeTools.secretTool(dir));
    }

    @Override
    String secret() {
        return SECRET;
    }

    @Test
    void theSecretIsNeverInTheArgumentsOrTheEnvironment() throws Exception {
        SecretStore store = store();

        store.put("oauth.account-2", SECRET.toCharArray());
        store.get("oauth.account-2");
        store.delete("oauth.account-2");

        String argv = FakeTools.argv(dir);
        assertThat(argv.lines()).containsSubsequence("store", "--label=Hearth oauth.account-2", "service", "hearth",
                "key", "oauth.account-2", "--", "lookup", "service", "hearth", "key", "oauth.account-2", "--",
                "clear", "service", "hearth", "key", "oauth.account-2", "--");
        assertThat(argv + FakeTools.env(dir)).doesNotContain("Pässwort", "Leerzeichen", "Quotes");
    }

    @Test
    void noKeyringRunningMeansUnavailable() throws Exception {
        Path tool = FakeTools.script(dir, "secret-tool", """
                echo "secret-tool: Cannot autolaunch D-Bus without X11 \\$DISPLAY" >&2
                exit 1
                """);

        SecretStoreException thrown = catchThrowableOfType(SecretStoreException.class,
                () -> new SecretToolStore(tool).get("imap.account-1"));

        assertThat(thrown.kind()).isEqualTo(Kind.UNAVAILABLE);
        assertThat(thrown.getMessage()).contains("D-Bus", "GNOME Keyring");
    }

    @Test
    void aFailureMessageNeverRepeatsTheSecretEvenIfTheToolDoes() throws Exception {
        Path tool = FakeTools.script(dir, "secret-tool", """
                printf 'secret-tool: cannot store ' >&2
                cat >&2
                exit 1
                """);

        SecretStoreException thrown = catchThrowableOfType(SecretStoreException.class,
                () -> new SecretToolStore(tool).put("imap.account-1", "Geheim-Passwort-42".toCharArray()));

        assertThat(thrown.kind()).isEqualTo(Kind.FAILED);
        assertThat(thrown.getMessage()).contains("imap.account-1").doesNotContain("Geheim-Passwort-42");
    }

    @Test
    void aToolThatHangsIsStoppedAfterTheTimeout() throws Exception {
        Path tool = FakeTools.script(dir, "secret-tool", "exec sleep 60\n");

        long start = System.nanoTime();
        SecretStoreException thrown = catchThrowableOfType(SecretStoreException.class,
                () -> new SecretToolStore(tool, Duration.ofMillis(300)).get("imap.account-1"));

        assertThat(thrown.kind()).isEqualTo(Kind.FAILED);
        assertThat(thrown.getMessage()).contains("did not answer");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(10));
    }

    @Test
    void aKeyThatLooksLikeAnAddressIsRefusedBeforeTheToolRuns() throws Exception {
        SecretStore store = store();

        assertThatThrownBy(() -> store.put("kanzlei@example.de", secret().toCharArray()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageNotContaining("kanzlei");
        assertThat(Files.exists(dir.resolve("argv.log"))).isFalse();
    }

    @Test
    void aMissingToolIsUnavailable() {
        SecretStoreException thrown = catchThrowableOfType(SecretStoreException.class,
                () -> new SecretToolStore(dir.resolve("not-installed")).get("imap.account-1"));

        assertThat(thrown.kind()).isEqualTo(Kind.UNAVAILABLE);
    }
}
