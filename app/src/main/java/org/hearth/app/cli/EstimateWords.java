package org.hearth.app.cli;

import java.util.Locale;
import org.hearth.app.estimate.SummaryEstimate;

/** An estimate in the command's words, e.g. "about 12 min (40 model steps, 130,000 tokens to read)". */
final class EstimateWords {

    private EstimateWords() {
    }

    static String of(SummaryEstimate estimate) {
        int steps = estimate.plan().steps();
        return String.format(Locale.ROOT, "about %d min (%d model step%s, %,d tokens to read)%s", estimate.minutes(),
                steps, steps == 1 ? "" : "s", estimate.plan().promptTokens(),
                estimate.rough() ? "; rough: no speed of this model measured here yet" : "");
    }
}
