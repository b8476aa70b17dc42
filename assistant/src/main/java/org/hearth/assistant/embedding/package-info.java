/**
 * Text to vectors for search: documents and questions embedded with the catalog's Qwen3-Embedding
 * model, one unit-length vector per text, so that a dot product is the cosine similarity.
 */
package org.hearth.assistant.embedding;
