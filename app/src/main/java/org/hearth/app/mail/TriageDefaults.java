package org.hearth.app.mail;

import java.util.Locale;
import org.hearth.app.models.ContextSettings;
import org.hearth.assistant.llama.ContextOptions;
import org.hearth.assistant.task.triage.Triager;
import org.hearth.domain.Language;
import org.hearth.ui.service.SettingsService;

/** How triage runs from the user's settings: the same for the window and the CLI. */
public final class TriageDefaults {

    /**
     * Mails decoded side by side. Four keep a CPU's matrix units busy (measured in BENCHMARKS.md, Triage)
     * while each sequence's 4,096 tokens stay small next to the model: Qwen3.5's recurrent layers keep no
     * per-token cache.
     */
    static final int SEQUENCES = 4;
    static final int SEQUENCE_LENGTH = 4096;

    private TriageDefaults() {
    }

    /**
     * @param threads  overrides the settings' thread count when not null
     * @param language {@code de} or {@code en} for the summaries, overriding the settings' language when not null;
     *                 without either, the system's language decides (German or English)
     */
    public static InboxRefresh.TriageSettings settings(SettingsService.Settings settings, Integer threads, String language) {
        ContextOptions context = ContextSettings.withThreads(
                ContextOptions.defaults().withSequences(SEQUENCES).withContextLength(SEQUENCES * SEQUENCE_LENGTH),
                ContextSettings.threads(settings, threads));
        return new InboxRefresh.TriageSettings(context, language(language, settings), Triager.Limits.defaults());
    }

    private static Language language(String option, SettingsService.Settings settings) {
        String code = option != null ? option : settings.language();
        if (code == null || code.isBlank()) {
            code = Locale.getDefault().getLanguage();
        }
        return "de".equals(code) ? Language.GERMAN : Language.ENGLISH;
    }
}
