/**
 * The seam between the tasks and whatever runs a model: a task builds chat messages, a JSON schema
 * and sampling settings, and hears streamed text and usage back; it never sees tokens, contexts or
 * grammars. {@code engine.local} runs the in-process llama.cpp model; a remote engine (an
 * OpenAI-compatible server) fits the same interface (docs/decisions/0004-engine-seam.md).
 */
package org.hearth.assistant.engine;
