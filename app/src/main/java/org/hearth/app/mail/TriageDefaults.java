package org.hearth.app.mail;

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

    /** @param threads overrides the settings' thread count when not null */
    public static InboxRefresh.TriageSettings settings(SettingsService.Settings settings, Integer threads, Language language) {
        ContextOptions context = ContextOptions.defaults().withSequences(SEQUENCES).withContextLength(SEQUENCES * SEQUENCE_LENGTH);
        int count = threads != null ? threads : settings.threads();
        if (count > 0) {
            context = context.withThreads(count);
        }
        return new InboxRefresh.TriageSettings(context, language, Triager.Limits.defaults());
    }
}
