package org.hearth.app.models;

import org.hearth.assistant.llama.ContextOptions;
import org.hearth.ui.service.SettingsService;

/** The llama context a job gets from the user's settings, for the window and every CLI command alike. */
public final class ContextSettings {

    private ContextSettings() {
    }

    /** The settings' thread count unless {@code override} is given; 0 means all cores. */
    public static int threads(SettingsService.Settings settings, Integer override) {
        return override != null ? override : settings.threads();
    }

    /** The default context with the settings' context length and thread count ({@code override} wins when given). */
    public static ContextOptions of(SettingsService.Settings settings, Integer threadsOverride) {
        return withThreads(ContextOptions.defaults().withContextLength(settings.contextLength()), threads(settings, threadsOverride));
    }

    /** {@code options} with this many threads, or as they are for 0 (all cores). */
    public static ContextOptions withThreads(ContextOptions options, int threads) {
        return threads > 0 ? options.withThreads(threads) : options;
    }
}
