package org.hearth.assistant.route;

/** Where a target runs: a server of the firm's own, on its network, or a provider's. */
public enum TargetKind {
    FIRM, CLOUD
}
