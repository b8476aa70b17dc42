package org.hearth.assistant.model;

import java.util.Locale;

/**
 * The fit check's answer: a model, the numbers behind it, and a verdict key, so a UI can word it itself;
 * {@link #explain} words it in English or German.
 *
 * @param model    the recommended model
 * @param need     what it needs in memory
 * @param verdict  how well it fits
 * @param machine  the machine it was chosen for
 * @param largerModelsTooSlow a larger model would fit in memory but generate too slowly on this CPU
 */
public record Recommendation(CatalogModel model, MemoryEstimate need, Verdict verdict, MachineFacts machine,
                             boolean largerModelsTooSlow) {

    public enum Verdict {
        /** Fits beside the reserve for other programs, and there is that much free memory right now. */
        FITS,
        /** Fits beside the reserve, but other programs currently use so much that some should be closed first. */
        FITS_AFTER_CLOSING_PROGRAMS,
        /** Nothing fits beside the reserve; the model is the smallest there is. */
        TOO_LITTLE_MEMORY
    }

    /** Memory left for everything else while the model runs. */
    public long leftForOtherProgramsBytes() {
        return Math.max(0, machine.totalMemoryBytes() - need.totalBytes());
    }

    /**
     * One or two sentences for the person choosing a model, e.g. "16 GB memory → Qwen3.5 9B Q4_K_M, 5.3 GB download:
     * leaves 9 GB for your other programs." German for German locales (formal "Sie"), English otherwise.
     */
    public String explain(Locale locale) {
        return "de".equals(locale.getLanguage()) ? german() : english();
    }

    private String english() {
        long memory = ByteSizes.wholeGigabytesNearest(machine.totalMemoryBytes());
        String download = ByteSizes.gigabytes(model.approximateSizeBytes(), Locale.ENGLISH);
        if (verdict == Verdict.TOO_LITTLE_MEMORY) {
            return memory + " GB memory is very little for a language model. The smallest, " + model.displayName()
                    + " (" + download + " download), may run but will slow down your other programs.";
        }
        String shared = machine.unifiedMemory() ? " (shared with the graphics chip)" : "";
        String text = memory + " GB memory" + shared + " → " + model.displayName() + ", " + download + " download: leaves "
                + ByteSizes.wholeGigabytesDown(leftForOtherProgramsBytes()) + " GB for your other programs.";
        if (largerModelsTooSlow) {
            text += " Larger models would fit but answer too slowly on this computer's " + machine.cpuCores() + " processor cores.";
        }
        if (verdict == Verdict.FITS_AFTER_CLOSING_PROGRAMS) {
            text += " Only " + ByteSizes.gigabytes(machine.availableMemoryBytes(), Locale.ENGLISH)
                    + " are free right now, so please close a few programs before the first start.";
        }
        return text;
    }

    private String german() {
        Locale german = Locale.GERMAN;
        long memory = ByteSizes.wholeGigabytesNearest(machine.totalMemoryBytes());
        String download = ByteSizes.gigabytes(model.approximateSizeBytes(), german);
        if (verdict == Verdict.TOO_LITTLE_MEMORY) {
            return memory + " GB Arbeitsspeicher sind für ein Sprachmodell sehr wenig. Das kleinste, " + model.displayName()
                    + " (" + download + " Download), läuft womöglich, verlangsamt aber Ihre anderen Programme.";
        }
        String shared = machine.unifiedMemory() ? " (gemeinsam mit dem Grafikchip genutzt)" : "";
        String text = memory + " GB Arbeitsspeicher" + shared + " → " + model.displayName() + ", " + download
                + " Download: Es bleiben " + ByteSizes.wholeGigabytesDown(leftForOtherProgramsBytes())
                + " GB für Ihre anderen Programme.";
        if (largerModelsTooSlow) {
            text += " Größere Modelle hätten Platz, würden auf den " + machine.cpuCores()
                    + " Prozessorkernen dieses Computers aber zu langsam antworten.";
        }
        if (verdict == Verdict.FITS_AFTER_CLOSING_PROGRAMS) {
            text += " Im Moment sind nur " + ByteSizes.gigabytes(machine.availableMemoryBytes(), german)
                    + " frei; bitte schließen Sie vor dem ersten Start einige Programme.";
        }
        return text;
    }
}
