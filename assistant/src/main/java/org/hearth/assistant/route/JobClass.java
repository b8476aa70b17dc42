package org.hearth.assistant.route;

/** The kinds of job a routing policy decides for, one by one. */
public enum JobClass {
    TRIAGE, SUMMARY, ANSWER, DRAFT
}
