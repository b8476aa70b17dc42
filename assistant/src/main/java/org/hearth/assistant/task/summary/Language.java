package org.hearth.assistant.task.summary;

/** The language a summary is written in (and its prompts: the model answers in the language it is addressed in). */
public enum Language { GERMAN, ENGLISH }
