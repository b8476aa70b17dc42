package org.hearth.ui.common;

/** How something the user started ended, as one line in its tone. */
public interface Outcome {

    Message message();

    Tone tone();
}
