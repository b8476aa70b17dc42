/**
 * An OpenAI-compatible chat server (llama-server, vLLM, Ollama) on the firm's network as an
 * {@link org.hearth.assistant.engine.Engine}: {@code POST /v1/chat/completions}, streamed, over the
 * {@link java.net.http.HttpClient} the caller hands in, so no other network access happens here.
 * Routing, anonymisation and the egress log sit in front of it, not in it.
 */
package org.hearth.assistant.engine.remote;
