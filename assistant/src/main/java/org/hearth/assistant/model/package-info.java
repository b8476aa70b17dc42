/**
 * The model catalog (Qwen3.5 sizes, the embedding model), downloading and importing GGUF files, and the hardware fit check that recommends a model for this machine.
 */
package org.hearth.assistant.model;
