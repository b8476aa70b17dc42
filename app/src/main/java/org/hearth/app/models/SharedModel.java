package org.hearth.app.models;

import java.util.function.BooleanSupplier;
import org.hearth.assistant.llama.LlamaModel;

/** The one chat model the window's jobs share: wait until it is ready, and show it busy while a job uses it. */
public interface SharedModel {

    /**
     * The loaded model, waiting while it downloads or loads.
     *
     * @throws java.util.concurrent.CancellationException once {@code cancelled} says so
     */
    LlamaModel await(BooleanSupplier cancelled) throws InterruptedException;

    void busy(boolean busy);
}
