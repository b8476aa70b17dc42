package org.hearth.assistant.model;

/** What a catalog model is for. */
public enum ModelRole {
    /** Writes answers: one of these is loaded at a time and is what the fit check recommends. */
    CHAT,
    /** Turns text into vectors for search; small, and loaded next to the chat model. */
    EMBEDDING
}
