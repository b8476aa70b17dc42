package org.hearth.ingest.mail;

/**
 * @param cursor     where the next sync starts
 * @param delivered  messages handed to the consumer in this run
 * @param total      new messages this run meant to deliver (after limit and since)
 * @param resynced   the folder's UIDVALIDITY differed from the cursor's, so everything was synced from the start
 * @param cancelled  the run stopped early because the caller cancelled it
 */
public record SyncResult(SyncCursor cursor, int delivered, int total, boolean resynced, boolean cancelled) {
}
