package org.hearth.domain;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.Optional;

/**
 * The folder holding the jar a class was loaded from: in an installed app, jpackage's {@code lib/app} on Linux,
 * {@code Contents/app} on macOS, {@code app} on Windows, where the installer puts what the app finds inside itself.
 */
public final class JarFolder {

    private JarFolder() {
    }

    /** @return empty when {@code type} was loaded from a classes folder (a development build, tests) or a custom loader */
    public static Optional<Path> of(Class<?> type) {
        CodeSource source = type.getProtectionDomain().getCodeSource();
        if (source == null || source.getLocation() == null) {
            return Optional.empty();
        }
        try {
            Path location = Path.of(source.getLocation().toURI());
            return Files.isRegularFile(location) ? Optional.ofNullable(location.getParent()) : Optional.empty();
        } catch (URISyntaxException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
