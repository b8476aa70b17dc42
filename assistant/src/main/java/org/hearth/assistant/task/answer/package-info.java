/**
 * Answers to questions about the firm's documents, from numbered sources found by search: the
 * model cites them as [n] and gives a verbatim quote per citation, which {@link
 * org.hearth.assistant.task.answer.QuoteCheck} verifies against the stored text; it refuses when
 * the sources do not answer the question.
 */
package org.hearth.assistant.task.answer;
