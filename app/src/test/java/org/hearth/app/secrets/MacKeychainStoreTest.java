package org.hearth.app.secrets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import org.hearth.app.secrets.SecretStoreException.Kind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

/** Against a fake {@code security} (a shell script): proves the protocol, not the real keychain. */
@EnabledOnOs({OS.LINUX, OS.MAC})
class MacKeychainStoreTest extends ToolSecretStoreTest {

    private static final String SECRET = "Pässwort mit Leerzeichen, \"Quotes\", \\Backslash\\ und `id`\n";

    @Override
    SecretStore store() throws Exception {
        return new MacKeychainStore(FakeTools.security(dir));
    }

    @Override
    String secret() {
        return SECRET;
    }

    @Test
    void theSecretGoesOnStdinNeverInTheArgumentsOrTheEnvironment() throws Exception {
        SecretStore store = store();
        String stored = Base64.getEncoder().encodeToString(SECRET.getBytes(StandardCharsets.UTF_8));

        store.put("oauth.account-2", SECRET.toCharArray());
        store.get("oauth.account-2");

        assertThat(Files.readString(dir.resolve("stdin.log"))).startsWith("add-generic-password -U ").contains(stored);
        assertThat(FakeTools.argv(dir).lines()).containsSubsequence("-i", "--", "find-generic-password", "-s", "hearth",
                "-a", "oauth.account-2", "-w", "--");
        assertThat(FakeTools.argv(dir) + FakeTools.env(dir)).doesNotContain(stored, "Pässwort", "Leerzeichen");
    }

    @Test
    void anItemHearthDidNotWriteIsReportedNotMisread() throws Exception {
        SecretStore store = store();
        Files.writeString(dir.resolve("item.hearth.imap.account-1"), "typed in by hand!");

        SecretStoreException thrown = catchThrowableOfType(SecretStoreException.class, () -> store.get("imap.account-1"));

        assertThat(thrown.kind()).isEqualTo(Kind.FAILED);
        assertThat(thrown.getMessage()).doesNotContain("typed in by hand");
    }

    @Test
    void aRefusedStoreNamesTheKeyButNotTheSecret() throws Exception {
        Path tool = FakeTools.script(dir, "security", """
                IFS= read -r line
                echo "security: $line: User interaction is not allowed." >&2
                exit 51
                """);

        SecretStoreException thrown = catchThrowableOfType(SecretStoreException.class,
                () -> new MacKeychainStore(tool).put("imap.account-1", "Geheim-Passwort-42".toCharArray()));

        assertThat(thrown.kind()).isEqualTo(Kind.FAILED);
        assertThat(thrown.getMessage()).contains("imap.account-1", "51")
                .doesNotContain("Geheim-Passwort-42", Base64.getEncoder().encodeToString(
                        "Geheim-Passwort-42".getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void quotingFollowsSecuritysLineSplitting() {
        assertThat(MacKeychainStore.quoted("a \"b\" c\\d")).isEqualTo("\"a \\\"b\\\" c\\\\d\"");
    }
}
