/**
 * Filling a template's fields from the matter's sources, with evidence: per field the model proposes a value
 * and a quote from a numbered source; a value counts only when the quote stands verbatim in that source
 * ({@link org.hearth.assistant.task.answer.QuoteCheck}) and the value stands in the quote. Dates and amounts are
 * then written the way the firm writes them ({@link org.hearth.assistant.task.draft.ValueFormats}).
 */
package org.hearth.assistant.task.draft;
