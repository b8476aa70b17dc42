package org.hearth.app.models;

import org.hearth.app.privacy.NetworkGate;
import org.hearth.assistant.model.HuggingFaceHub;

/**
 * What the network gate lets through while a download the user started runs: the hub, and — for Hugging Face — its
 * CDN hosts, to which every file download is redirected (their names change; their domains do not).
 */
public final class ModelHubAccess {

    private ModelHubAccess() {
    }

    public static NetworkGate.Permit permit(HuggingFaceHub hub, String model) {
        NetworkGate.Rule hubItself = NetworkGate.Rule.of(hub.baseUri());
        if (!hub.baseUri().equals(HuggingFaceHub.DEFAULT_BASE_URI)) {
            return NetworkGate.current().allow("download " + model, hubItself);
        }
        return NetworkGate.current().allow("download " + model, hubItself,
                new NetworkGate.Rule(".huggingface.co", 443), new NetworkGate.Rule(".hf.co", 443));
    }
}
