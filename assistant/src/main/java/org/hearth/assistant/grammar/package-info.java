/**
 * JSON schema to GBNF: the subset of JSON Schema that Hearth's tasks use, turned into a llama.cpp grammar so that even a weak model can only write valid JSON.
 *
 * <p>{@link org.hearth.assistant.grammar.JsonSchemaGrammar} writes the grammar,
 * {@link org.hearth.assistant.grammar.JsonSchemaValidator} checks a document against the same subset; both throw
 * {@link org.hearth.assistant.grammar.UnsupportedSchemaException} for anything outside it.
 */
package org.hearth.assistant.grammar;
