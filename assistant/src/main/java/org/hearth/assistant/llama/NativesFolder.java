package org.hearth.assistant.llama;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.hearth.domain.JarFolder;

/**
 * Where the llama.cpp libraries are: the system property, else the environment variable, else the
 * {@value #BUNDLED} folder an installer put beside the app's jars (jpackage's {@code lib/app} on
 * Linux, {@code Contents/app} on macOS, {@code app} on Windows). The installed app thus needs no
 * option, and {@code HEARTH_NATIVES_DIR} still overrides what it bundles.
 */
final class NativesFolder {

    /** The folder name the installer gives the libraries, next to the jars. */
    static final String BUNDLED = "natives";

    private NativesFolder() {
    }

    static Optional<Path> choose(String property, String environment, Optional<Path> jarFolder) {
        if (property != null && !property.isBlank()) {
            return Optional.of(Path.of(property));
        }
        if (environment != null && !environment.isBlank()) {
            return Optional.of(Path.of(environment));
        }
        return jarFolder.map(folder -> folder.resolve(BUNDLED)).filter(Files::isDirectory);
    }

    /** The folder holding the jar this class was loaded from; empty when it runs from classes or a custom loader. */
    static Optional<Path> jarFolder() {
        return JarFolder.of(NativesFolder.class);
    }
}
