package org.hearth.ui.service;

/** The user's settings, saved by the app as soon as they change. */
public interface SettingsService {

    Settings load();

    void save(Settings settings);

    enum Theme { SYSTEM, LIGHT, DARK }

    /**
     * @param model         an installed model's name or file; empty for the recommended one
     * @param threads       0 = all cores
     * @param contextLength tokens per summary step
     * @param language      "de", "en", or "" for the system language
     * @param templates     the folder of the firm's DOCX templates for drafting; "" while none is chosen
     */
    record Settings(String model, int threads, int contextLength, String language, Theme theme, String templates) {

        public Settings withTemplates(String folder) {
            return new Settings(model, threads, contextLength, language, theme, folder);
        }
    }
}
