/**
 * Drafting: the firm's DOCX templates filled from a matter's files, each value with its evidence. The use case
 * ({@link org.hearth.app.drafting.DraftFromTemplate}) is shared by {@code hearth draft} and the Drafts tab
 * ({@link org.hearth.app.drafting.LocalDraftingService}), which shows the proposals for review before it writes.
 */
package org.hearth.app.drafting;
