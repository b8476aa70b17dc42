package org.hearth.app.secrets;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import org.hearth.app.secrets.SecretStoreException.Kind;

/**
 * Picks the keychain of the operating system Hearth runs on. There is deliberately no fallback to a file: a
 * machine without a keychain gets a clear error, and the user a reason to install one.
 */
public final class SecretStores {

    static final String NO_LINUX_KEYCHAIN = "no keychain available: install libsecret-tools (secret-tool) and a "
            + "running keyring, e.g. GNOME Keyring";

    private SecretStores() {
    }

    /**
     * The Credential Manager on Windows, the login keychain on macOS, the Secret Service elsewhere. Whether a
     * keyring is actually running on Linux shows at the first call, as {@link Kind#UNAVAILABLE}.
     */
    public static SecretStore forThisSystem() throws SecretStoreException {
        return forSystem(System.getProperty("os.name", ""), Optional.ofNullable(System.getenv("PATH")).orElse(""),
                Optional.ofNullable(System.getenv("SystemRoot")).orElse("C:\\Windows"));
    }

    static SecretStore forSystem(String osName, String path, String systemRoot) throws SecretStoreException {
        String os = osName.toLowerCase(Locale.ROOT);
        if (os.startsWith("windows")) {
            // the Windows PowerShell every Windows since 7 has, by full path: not whatever "powershell" PATH finds
            Path powershell = Path.of(systemRoot, "System32", "WindowsPowerShell", "v1.0", "powershell.exe");
            if (Files.isRegularFile(powershell)) {
                return new WindowsCredentialStore(powershell);
            }
            throw new SecretStoreException(Kind.UNAVAILABLE, "no keychain available: Windows PowerShell is missing ("
                    + powershell + ")");
        }
        if (os.startsWith("mac")) {
            Path security = Path.of("/usr/bin/security");
            if (Files.isExecutable(security)) {
                return new MacKeychainStore(security);
            }
            throw new SecretStoreException(Kind.UNAVAILABLE, "no keychain available: /usr/bin/security is missing");
        }
        return onPath("secret-tool", path).<SecretStore>map(SecretToolStore::new)
                .orElseThrow(() -> new SecretStoreException(Kind.UNAVAILABLE, NO_LINUX_KEYCHAIN));
    }

    /** The absolute path, so a later change of PATH cannot swap the tool that sees the secrets. */
    private static Optional<Path> onPath(String tool, String path) {
        return Arrays.stream(path.split(File.pathSeparator))
                .filter(dir -> !dir.isBlank())
                .map(dir -> Path.of(dir, tool))
                .filter(candidate -> Files.isRegularFile(candidate) && Files.isExecutable(candidate))
                .map(Path::toAbsolutePath)
                .findFirst();
    }
}
