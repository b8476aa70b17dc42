package org.hearth.assistant.task.summary;

/** Where a step stands in the map-reduce: its answer size and its instruction depend on it. */
enum Phase {
    /** Summarises a part of the document's text. */
    MAP,
    /** Condenses findings of several parts into fewer. */
    REDUCE,
    /** Writes the summary the user sees, from findings or (short documents) from the text. */
    FINAL
}
