/**
 * A pure-Java reader of GGUF headers and metadata (never the weights). Every model file is checked here before it reaches llama.cpp, because a malformed file can abort the native code and with it the whole app.
 */
package org.hearth.assistant.gguf;
