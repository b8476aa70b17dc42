package org.hearth.app;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Where Hearth keeps the user's data: the per-OS application data folder, or {@code HEARTH_HOME}
 * (tests always set it), or {@code --home}. On Windows the large, machine-bound parts (models and
 * the search index) live under %LOCALAPPDATA%: %APPDATA% roams, and a roaming profile would copy
 * gigabytes at every sign-in.
 *
 * @param home  settings, state, logs and everything small
 * @param local models and the search index; the same folder as {@code home} except on Windows
 */
public record HearthPaths(Path home, Path local) {

    public static final String HOME_ENV = "HEARTH_HOME";

    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rwx------");

    /** Everything in one folder. */
    public HearthPaths(Path home) {
        this(home, home);
    }

    /** The home named by {@code override}, else {@code HEARTH_HOME}, else the OS's application data folder. */
    public static HearthPaths resolve(Path override) {
        return resolve(override, System.getenv(), System.getProperty("os.name"), System.getProperty("user.home"));
    }

    static HearthPaths resolve(Path override, Map<String, String> env, String osName, String userHome) {
        if (override != null) {
            return new HearthPaths(override.toAbsolutePath());
        }
        String fromEnv = env.get(HOME_ENV);
        if (fromEnv != null && !fromEnv.isBlank()) {
            return new HearthPaths(Path.of(fromEnv).toAbsolutePath());
        }
        String os = osName.toLowerCase(Locale.ROOT);
        if (os.contains("mac")) {
            return new HearthPaths(Path.of(userHome, "Library", "Application Support", "Hearth"));
        }
        if (os.contains("win")) {
            String appData = env.get("APPDATA");
            String localAppData = env.get("LOCALAPPDATA");
            return new HearthPaths(
                    appData != null ? Path.of(appData, "Hearth") : Path.of(userHome, "AppData", "Roaming", "Hearth"),
                    localAppData != null ? Path.of(localAppData, "Hearth") : Path.of(userHome, "AppData", "Local", "Hearth"));
        }
        String xdg = env.get("XDG_DATA_HOME");
        return new HearthPaths(xdg != null && !xdg.isBlank() ? Path.of(xdg, "hearth") : Path.of(userHome, ".local", "share", "hearth"));
    }

    /**
     * Creates the data folders readable by this user only and tightens what an earlier version left
     * readable by others (client documents' text, mail and the audit log are inside). On Windows the
     * per-user application data folders are already private to the user by their inherited ACL.
     *
     * @throws IllegalStateException when a data folder is a file, or cannot be created
     */
    public HearthPaths prepare() {
        for (Path folder : home.equals(local) ? Set.of(home) : Set.of(home, local)) {
            if (Files.exists(folder) && !Files.isDirectory(folder)) {
                throw new IllegalStateException("the data folder " + folder + " is a file, not a folder (see --home and " + HOME_ENV + ")");
            }
            try {
                createPrivate(folder);
                makePrivate(folder);
            } catch (IOException e) {
                throw new IllegalStateException("cannot prepare the data folder " + folder + ": " + e.getMessage(), e);
            }
        }
        return this;
    }

    private static boolean posix() {
        return FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
    }

    /**
     * Creates {@code folder} readable by this user only, its missing parents with the usual rights. Another thread may
     * create it at the same time (at a first start the log's set-up does, for its logs folder): then it is there.
     */
    static void createPrivate(Path folder) throws IOException {
        if (Files.isDirectory(folder)) {
            return;
        }
        Path parent = folder.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent); // shared parents such as ~/.local/share keep the usual rights
        }
        try {
            if (posix()) {
                Files.createDirectory(folder, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
            } else {
                Files.createDirectory(folder);
            }
        } catch (FileAlreadyExistsException e) {
            if (!Files.isDirectory(folder)) {
                throw e;
            }
        }
    }

    /** Takes every right away from group and others; links are not followed (an imported model may live elsewhere). */
    private static void makePrivate(Path folder) throws IOException {
        if (!posix()) {
            return;
        }
        try (Stream<Path> all = Files.walk(folder)) {
            for (Path path : (Iterable<Path>) all::iterator) {
                if (Files.isSymbolicLink(path)) {
                    continue;
                }
                Set<PosixFilePermission> rights = Files.getPosixFilePermissions(path, LinkOption.NOFOLLOW_LINKS);
                if (rights.removeIf(right -> !OWNER_ONLY.contains(right))) {
                    Files.setPosixFilePermissions(path, rights);
                }
            }
        }
    }

    public Path models() {
        return local.resolve("models");
    }

    public Path index() {
        return local.resolve("index");
    }

    public Path database() {
        return home.resolve("hearth.db");
    }

    public Path audit() {
        return home.resolve("audit");
    }

    public Path logs() {
        return home.resolve("logs");
    }
}
