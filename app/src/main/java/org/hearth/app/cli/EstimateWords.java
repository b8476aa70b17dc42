package org.hearth.app.cli;

import java.util.Locale;
import org.hearth.app.estimate.SummaryEstimate;

/** An estimate in the command's words, e.g. "about 12 min (40 steps, 130,000 tokens to read; rough: no speed measured yet)". */
final class EstimateWords {

    private EstimateWords() {
    }

    static String of(SummaryEstimate estimate) {
        return String.format(Locale.ROOT, "about %d min (%d model steps, %,d tokens to read)%s", estimate.minutes(),
                estimate.plan().steps(), estimate.plan().promptTokens(),
                estimate.rough() ? "; rough: no speed of this model measured here yet" : "");
    }
}
