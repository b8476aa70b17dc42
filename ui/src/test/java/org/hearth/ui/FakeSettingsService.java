package org.hearth.ui;

import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.hearth.ui.service.SettingsService;

/** Settings kept in memory; each save is handed to the test in order. */
final class FakeSettingsService implements SettingsService {

    private volatile Settings settings;
    private final LinkedBlockingQueue<Settings> saved = new LinkedBlockingQueue<>();

    FakeSettingsService(String language, Theme theme) {
        this(language, theme, "");
    }

    /** @param templates the folder of drafting templates, "" for none chosen */
    FakeSettingsService(String language, Theme theme, String templates) {
        settings = new Settings("", 0, 8192, language, theme, templates);
    }

    @Override
    public Settings load() {
        return settings;
    }

    @Override
    public void save(Settings changed) {
        settings = changed;
        saved.add(changed);
    }

    /** The next save, waiting for it (saves run on the UI's background thread). */
    Settings nextSave() throws InterruptedException {
        Settings next = saved.poll(10, TimeUnit.SECONDS);
        if (next == null) {
            throw new AssertionError("the settings were not saved");
        }
        return next;
    }
}
