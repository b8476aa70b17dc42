package org.hearth.app.settings;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.hearth.ui.service.SettingsService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Settings as a small JSON file in Hearth's home, written to a temporary file and moved into place
 * so a crash mid-write never leaves a broken file. Secrets never go here (they live in the OS
 * keychain). A missing or unreadable file gives the defaults; an unreadable one is kept aside.
 */
public final class JsonSettingsStore implements SettingsService {

    private static final Logger LOG = LoggerFactory.getLogger(JsonSettingsStore.class);
    private static final ObjectMapper JSON = new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    private final Path file;

    public JsonSettingsStore(Path file) {
        this.file = file;
    }

    public static Settings defaults() {
        return new Settings("", 0, 8192, "", Theme.SYSTEM, "");
    }

    @Override
    public synchronized Settings load() {
        if (!Files.isRegularFile(file)) {
            return defaults();
        }
        try {
            Settings read = JSON.readValue(file.toFile(), Settings.class);
            return new Settings(read.model() == null ? "" : read.model(), Math.max(0, read.threads()),
                    read.contextLength() < 512 ? defaults().contextLength() : read.contextLength(),
                    read.language() == null ? "" : read.language(), read.theme() == null ? Theme.SYSTEM : read.theme(),
                    read.templates() == null ? "" : read.templates());
        } catch (IOException e) {
            Path aside = file.resolveSibling(file.getFileName() + ".unreadable");
            LOG.warn("Settings file {} is unreadable; keeping it as {} and using defaults", file, aside, e);
            try {
                Files.move(file, aside, StandardCopyOption.REPLACE_EXISTING);
            } catch (IOException moveFailed) {
                LOG.warn("Could not move the unreadable settings aside", moveFailed);
            }
            return defaults();
        }
    }

    @Override
    public synchronized void save(Settings settings) {
        try {
            Files.createDirectories(file.getParent());
            Path temp = Files.createTempFile(file.getParent(), "settings", ".tmp");
            JSON.writerWithDefaultPrettyPrinter().writeValue(temp.toFile(), settings);
            try {
                Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not save the settings to " + file, e);
        }
    }
}
