package org.hearth.app;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/**
 * Where Hearth keeps the user's data: the per-OS application data folder, or {@code HEARTH_HOME}
 * (tests always set it), or {@code --home}.
 */
public record HearthPaths(Path home) {

    public static final String HOME_ENV = "HEARTH_HOME";

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
            return new HearthPaths(appData != null ? Path.of(appData, "Hearth") : Path.of(userHome, "AppData", "Roaming", "Hearth"));
        }
        String xdg = env.get("XDG_DATA_HOME");
        return new HearthPaths(xdg != null && !xdg.isBlank() ? Path.of(xdg, "hearth") : Path.of(userHome, ".local", "share", "hearth"));
    }

    public Path models() {
        return home.resolve("models");
    }

    public Path index() {
        return home.resolve("index");
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
