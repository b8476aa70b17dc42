package org.hearth.ui.service;

import org.hearth.assistant.route.Route;
import org.hearth.assistant.route.anonymise.Anonymised;

/**
 * A job that would leave this machine, before the first byte does: where it goes, why and at what estimate, and the
 * text exactly as it would leave. The replacements (what each placeholder stands for) stay on this machine.
 */
public record Preview(Route route, Anonymised outgoing) {
}
