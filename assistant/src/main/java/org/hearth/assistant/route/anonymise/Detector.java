package org.hearth.assistant.route.anonymise;

import java.util.List;

/** Finds one kind of client data in a text by its form (a checksum, a pattern, a marker before it). */
interface Detector {

    List<Finding> find(String text);
}
