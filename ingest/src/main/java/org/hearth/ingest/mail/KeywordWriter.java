package org.hearth.ingest.mail;

import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.MessagingException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import org.eclipse.angus.mail.iap.Response;
import org.eclipse.angus.mail.imap.IMAPFolder;
import org.eclipse.angus.mail.imap.protocol.UIDSet;

/**
 * The one thing Hearth ever writes to a mailbox, and only if the user opted in: its own keywords (labels such as
 * {@code $Hearth_Deadline}) on messages it synced, so that the triage shows in the user's other mail programs.
 *
 * <p>Only keywords with the {@link #PREFIX} are accepted, so no system flag (\Seen, \Deleted, ...) and no keyword
 * of another program can be touched; they are only ever added ({@code UID STORE +FLAGS.SILENT}), never removed,
 * and nothing is fetched, so no message becomes seen. The UIDs must come from a sync of the same folder
 * incarnation: if its UIDVALIDITY changed they may name other messages now, and nothing is written.
 */
public final class KeywordWriter {

    /** Every keyword Hearth writes starts with this. */
    public static final String PREFIX = "$Hearth_";

    /** UIDs per STORE command, keeping the command line far below the ~8000 octets servers accept. */
    private static final int UIDS_PER_COMMAND = 200;
    /** IMAP atom-specials besides space and control characters (RFC 3501, section 9). */
    private static final String ATOM_SPECIALS = "(){%*\"\\]";

    private final ImapConnector connector;

    public KeywordWriter(ImapAccount account) {
        this.connector = new ImapConnector(account);
    }

    /**
     * Adds to each UID of the account's folder exactly the keywords given for it. Every keyword is checked before
     * anything is sent (an {@link IllegalArgumentException} means no connection was made). A failure partway
     * leaves the keywords written until then; adding a keyword again is harmless, so applying the same map again
     * completes it.
     *
     * @param uidValidity the UIDVALIDITY the UIDs belong to (from {@link MailMessage#uidValidity()})
     * @throws MailSyncException with {@link MailSyncException.Kind#UIDVALIDITY_CHANGED} or
     *                           {@link MailSyncException.Kind#KEYWORDS_UNSUPPORTED} (nothing written), or a
     *                           connection failure
     */
    public void apply(MailCredentials credentials, long uidValidity, Map<Long, Set<String>> keywordsByUid)
            throws MailSyncException {
        Objects.requireNonNull(credentials, "credentials");
        Map<SortedSet<String>, SortedSet<Long>> uidsByKeywords = groupedAndChecked(uidValidity, keywordsByUid);
        if (uidsByKeywords.isEmpty()) {
            return;
        }
        try (ImapConnector.OpenFolder open = connector.open(credentials, Folder.READ_WRITE)) {
            IMAPFolder folder = open.folder();
            if (folder.getUIDValidity() != uidValidity) {
                throw new MailSyncException(MailSyncException.Kind.UIDVALIDITY_CHANGED,
                        "the folder was recreated on the server since the sync (its UIDVALIDITY changed); nothing was written", null);
            }
            if (!folder.getPermanentFlags().contains(Flags.Flag.USER)) {
                throw new MailSyncException(MailSyncException.Kind.KEYWORDS_UNSUPPORTED,
                        "the server does not allow own keywords in this folder; nothing was written", null);
            }
            for (Map.Entry<SortedSet<String>, SortedSet<Long>> group : uidsByKeywords.entrySet()) {
                String keywords = String.join(" ", group.getKey());
                for (long[] chunk : chunks(group.getValue())) {
                    addKeywords(folder, UIDSet.toString(UIDSet.createUIDSets(chunk)), keywords);
                }
            }
        } catch (MessagingException e) {
            throw connector.failure(e);
        }
    }

    private static void addKeywords(IMAPFolder folder, String uidSet, String keywords) throws MessagingException {
        folder.doCommand(protocol -> {
            Response[] responses = protocol.command("UID STORE " + uidSet + " +FLAGS.SILENT (" + keywords + ")", null);
            protocol.notifyResponseHandlers(responses);
            protocol.handleResult(responses[responses.length - 1]);
            return null;
        });
    }

    /** The UIDs per distinct set of keywords, so that one command serves every message getting the same ones. */
    private static Map<SortedSet<String>, SortedSet<Long>> groupedAndChecked(long uidValidity, Map<Long, Set<String>> keywordsByUid) {
        Objects.requireNonNull(keywordsByUid, "keywordsByUid");
        if (uidValidity < 1) {
            throw new IllegalArgumentException("no UIDVALIDITY");
        }
        Map<SortedSet<String>, SortedSet<Long>> grouped = new TreeMap<>((a, b) -> String.join(" ", a).compareTo(String.join(" ", b)));
        for (Map.Entry<Long, Set<String>> entry : keywordsByUid.entrySet()) {
            long uid = Objects.requireNonNull(entry.getKey(), "uid");
            if (uid < 1 || uid > 0xFFFF_FFFFL) {
                throw new IllegalArgumentException("not an IMAP UID: " + uid);
            }
            SortedSet<String> keywords = new TreeSet<>(Objects.requireNonNull(entry.getValue(), "keywords"));
            keywords.forEach(KeywordWriter::requireKeyword);
            if (!keywords.isEmpty()) {
                grouped.computeIfAbsent(keywords, k -> new TreeSet<>()).add(uid);
            }
        }
        return grouped;
    }

    /** An IMAP atom (RFC 3501) with Hearth's prefix; the message does not repeat it, as a label may name a client. */
    static void requireKeyword(String keyword) {
        if (keyword == null || !keyword.startsWith(PREFIX) || keyword.length() == PREFIX.length()) {
            throw new IllegalArgumentException("a keyword must start with " + PREFIX + " and go on after it");
        }
        for (int i = 0; i < keyword.length(); i++) {
            char c = keyword.charAt(i);
            if (c <= ' ' || c >= 0x7F || ATOM_SPECIALS.indexOf(c) >= 0) {
                throw new IllegalArgumentException("a keyword may hold only printable ASCII without spaces and "
                        + ATOM_SPECIALS + " (character " + (i + 1) + " is not)");
            }
        }
    }

    private static List<long[]> chunks(SortedSet<Long> uids) {
        List<long[]> chunks = new ArrayList<>();
        List<Long> all = List.copyOf(uids);
        for (int start = 0; start < all.size(); start += UIDS_PER_COMMAND) {
            chunks.add(all.subList(start, Math.min(all.size(), start + UIDS_PER_COMMAND)).stream().mapToLong(Long::longValue).toArray());
        }
        return chunks;
    }
}
