package org.hearth.app.mail;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;
import org.hearth.ingest.mail.ImapAccount;

/**
 * A mailbox named on the command line: {@code imaps://USER@HOST[:PORT][/FOLDER]} (TLS from the first byte) or
 * {@code imap://USER@HOST[:PORT][/FOLDER]} (STARTTLS, required). A user name that is itself a mail address may
 * keep its {@code @} or write it as {@code %40}. A password in the URL is refused: it would end up in the shell
 * history and the process list.
 */
public record ImapUrl(ImapAccount.Security security, String user, String host, int port, String folder) {

    public static ImapUrl parse(String text) {
        String rest;
        ImapAccount.Security security;
        String lower = text.toLowerCase(Locale.ROOT);
        if (lower.startsWith("imaps://")) {
            security = ImapAccount.Security.IMAPS;
            rest = text.substring("imaps://".length());
        } else if (lower.startsWith("imap://")) {
            security = ImapAccount.Security.STARTTLS;
            rest = text.substring("imap://".length());
        } else {
            throw new IllegalArgumentException("not an IMAP address (imaps://USER@HOST:PORT/FOLDER): " + text);
        }
        int slash = rest.indexOf('/', Math.max(0, rest.lastIndexOf('@')));
        String authority = slash < 0 ? rest : rest.substring(0, slash);
        String folder = slash < 0 || slash == rest.length() - 1 ? "INBOX" : decode(rest.substring(slash + 1));
        int at = authority.lastIndexOf('@');
        if (at < 1) {
            throw new IllegalArgumentException("the IMAP address names no user (imaps://USER@HOST:PORT)");
        }
        String user = decode(authority.substring(0, at));
        if (user.contains(":")) {
            throw new IllegalArgumentException("put no password in the IMAP address; use --password-env VAR");
        }
        String hostPort = authority.substring(at + 1);
        int colon = hostPort.lastIndexOf(':');
        int port = security == ImapAccount.Security.IMAPS ? 993 : 143;
        String host = hostPort;
        if (colon >= 0 && !hostPort.endsWith("]")) {
            host = hostPort.substring(0, colon);
            try {
                port = Integer.parseInt(hostPort.substring(colon + 1));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("the port in the IMAP address is not a number: " + hostPort.substring(colon + 1));
            }
        }
        if (host.isBlank()) {
            throw new IllegalArgumentException("the IMAP address names no server");
        }
        return new ImapUrl(security, user, host, port, folder);
    }

    public ImapAccount account(Optional<java.security.cert.X509Certificate> trusted) {
        return new ImapAccount(host, port, security, user, folder, trusted);
    }

    /** The address again, as a stable name for the account the CLI keeps for it. */
    @Override
    public String toString() {
        return (security == ImapAccount.Security.IMAPS ? "imaps://" : "imap://") + user + "@" + host + ":" + port + "/" + folder;
    }

    private static String decode(String part) {
        return URLDecoder.decode(part.replace("+", "%2B"), StandardCharsets.UTF_8);
    }
}
