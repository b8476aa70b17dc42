package org.hearth.app.secrets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import org.hearth.app.secrets.SecretStoreException.Kind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

class SecretStoresTest {

    @TempDir
    Path dir;

    @Test
    @EnabledOnOs({OS.LINUX, OS.MAC})
    void onLinuxTheSecretToolOnThePathIsUsed() throws Exception {
        Path empty = Files.createDirectory(dir.resolve("empty"));
        Path tools = Files.createDirectory(dir.resolve("tools"));
        FakeTools.secretTool(tools);

        SecretStore store = SecretStores.forSystem("Linux", empty + File.pathSeparator + tools, "");
        store.put("imap.account-1", "geheim".toCharArray());

        assertThat(store).isInstanceOf(SecretToolStore.class);
        assertThat(FakeTools.argv(tools)).contains("store");
    }

    @Test
    void onLinuxWithoutSecretToolThereIsAClearErrorAndNoFileFallback() throws Exception {
        Path notExecutable = Files.createDirectory(dir.resolve("bin"));
        Files.writeString(notExecutable.resolve("secret-tool"), "not a program");

        SecretStoreException thrown = catchThrowableOfType(SecretStoreException.class,
                () -> SecretStores.forSystem("Linux", notExecutable.toString(), ""));

        assertThat(thrown.kind()).isEqualTo(Kind.UNAVAILABLE);
        assertThat(thrown.getMessage()).contains("libsecret-tools", "secret-tool", "GNOME Keyring");
    }

    @Test
    void onWindowsTheSystemsPowerShellIsUsedWhenItIsThere() throws Exception {
        Path v1 = Files.createDirectories(dir.resolve("System32").resolve("WindowsPowerShell").resolve("v1.0"));

        SecretStoreException missing = catchThrowableOfType(SecretStoreException.class,
                () -> SecretStores.forSystem("Windows 11", "", dir.toString()));
        Files.writeString(v1.resolve("powershell.exe"), "");
        SecretStore store = SecretStores.forSystem("Windows 11", "", dir.toString());

        assertThat(missing.kind()).isEqualTo(Kind.UNAVAILABLE);
        assertThat(store).isInstanceOf(WindowsCredentialStore.class);
    }
}
