/**
 * The jobs as plain functions over a loaded model: a prompt and, where the answer is structured,
 * a JSON schema turned into a grammar; the result, streamed as it is written.
 */
package org.hearth.assistant.task;
