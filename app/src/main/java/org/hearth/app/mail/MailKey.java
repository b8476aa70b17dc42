package org.hearth.app.mail;

/**
 * A mail's identity within its account: the folder's UIDVALIDITY and the message's UID. Together they never
 * name another message, even after the server renumbers the folder.
 */
public record MailKey(long uidValidity, long uid) {

    /** The form used in the UI and the CLI, e.g. {@code "1700000000:42"}. */
    @Override
    public String toString() {
        return uidValidity + ":" + uid;
    }

    public static MailKey parse(String text) {
        int colon = text.indexOf(':');
        if (colon < 1) {
            throw new IllegalArgumentException("not a mail key: " + text);
        }
        return new MailKey(Long.parseLong(text.substring(0, colon)), Long.parseLong(text.substring(colon + 1)));
    }
}
