package org.hearth.ui.search;

import org.hearth.ui.common.Message;
import org.hearth.ui.common.Outcome;
import org.hearth.ui.common.Tone;

/** How installing the search model ended, as one line in its tone. */
record InstallOutcome(Message message, Tone tone) implements Outcome {
}
