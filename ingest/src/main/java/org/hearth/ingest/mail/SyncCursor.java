package org.hearth.ingest.mail;

/**
 * How far a folder has been synced: the folder's UIDVALIDITY and the highest UID delivered. The caller stores
 * it after each delivered message ({@link MailMessage#cursor()}), so a crash loses nothing and repeats nothing.
 */
public record SyncCursor(long uidValidity, long highestUid) {

    /** Nothing synced yet. */
    public static final SyncCursor NONE = new SyncCursor(0, 0);

    public SyncCursor {
        if (uidValidity < 0 || highestUid < 0) {
            throw new IllegalArgumentException("negative cursor");
        }
    }

    public boolean isNone() {
        return uidValidity == 0;
    }
}
