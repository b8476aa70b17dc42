package org.hearth.assistant.task.summary;

/** What kind of summary the user asked for; each changes the instructions and the answer's shape. */
public enum SummaryStyle {
    /** A few sentences. */
    BRIEF,
    /** A fuller account: subject, arguments, results, amounts, dates. */
    DETAILED,
    /** The key points as a list. */
    KEY_POINTS,
    /** Deadlines, dates and obligations, each with its date, what is due and a quote. */
    DEADLINES,
    /** The people and organisations involved and their roles. */
    PARTIES
}
