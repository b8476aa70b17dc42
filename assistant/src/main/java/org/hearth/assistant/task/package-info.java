/**
 * The jobs as plain functions over an {@link org.hearth.assistant.engine.Engine}: a prompt and,
 * where the answer is structured, a JSON schema; the result, streamed as it is written. Nothing
 * here knows which model runs the prompt or where.
 */
package org.hearth.assistant.task;
