package org.hearth.ui.firstrun;

import org.hearth.ui.common.Message;
import org.hearth.ui.service.ModelService.ModelState;

/** Which sentence says why setting the model up failed; the bundles hold the words, the service only the kind. */
public final class ModelWording {

    private ModelWording() {
    }

    public static Message failure(ModelState.Failed failed) {
        return Message.of("model.failure." + failed.reason().name());
    }

    /** The service's technical words are English and local: labelled as details, never as anybody's answer. */
    public static Message detail(ModelState.Failed failed) {
        return failed.detail() == null || failed.detail().isBlank() ? null : Message.of("model.failure.detail", failed.detail());
    }
}
