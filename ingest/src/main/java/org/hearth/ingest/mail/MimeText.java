package org.hearth.ingest.mail;

import jakarta.mail.Address;
import jakarta.mail.FolderClosedException;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.StoreClosedException;
import jakarta.mail.internet.ContentType;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeUtility;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UnsupportedEncodingException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.StringJoiner;
import org.eclipse.angus.mail.iap.ConnectionException;

/**
 * A MIME message as plain text. Prefers text/plain, else HTML reduced to text with hidden elements removed;
 * quoted history and signature are split off; attachments are listed from the structure, never read. Works on
 * any {@link Part}: a parsed .eml or an IMAP message, where only the text parts are fetched, up to a byte cap.
 *
 * <p>Broken mail never throws: a bad charset, encoding or structure gives best-effort text and a problem note.
 * Only a lost connection is thrown ({@link ConnectionLost}), because then the text would be silently incomplete.
 */
public final class MimeText {

    /** The text of one message. {@code problem} names what was broken, never the content. */
    public record Result(String bodyText, String quotedText, String signature, List<Attachment> attachments,
                         boolean truncated, Optional<String> problem) {
    }

    /** The connection to the server broke while a part was read. */
    public static final class ConnectionLost extends Exception {
        private static final long serialVersionUID = 1L;

        ConnectionLost(Throwable cause) {
            super("connection lost while reading a message", cause);
        }
    }

    private static final int MAX_DEPTH = 32;

    private final List<Part> plain = new ArrayList<>();
    private final List<Part> html = new ArrayList<>();
    private final List<Attachment> attachments = new ArrayList<>();
    private final Set<String> problems = new LinkedHashSet<>();
    /** Body bytes still allowed; shared by all text parts of the message. */
    private int remaining;
    private boolean truncated;
    /** What a failed read got before it failed. */
    private byte[] partial = new byte[0];

    private MimeText(int maxBodyBytes) {
        this.remaining = maxBodyBytes;
    }

    /** The text of {@code message}, reading at most {@code maxBodyBytes} of (decoded) text parts. */
    public static Result of(Part message, int maxBodyBytes) throws ConnectionLost {
        MimeText reader = new MimeText(maxBodyBytes);
        return reader.read(message);
    }

    /** Headers and text of {@code message} as a {@link MailMessage}. */
    public static MailMessage message(Message message, long uidValidity, long uid, int maxBodyBytes) throws ConnectionLost {
        Result text = of(message, maxBodyBytes);
        List<String> problems = new ArrayList<>();
        text.problem().ifPresent(problems::add);
        String from = addresses(message, "From", problems);
        List<String> to = Arrays.asList(addresses(message, "To", problems).split(", "));
        Optional<Instant> date = date(message, problems);
        String subject = subject(message, problems);
        String messageId = header(message, "Message-ID").orElse("");
        return new MailMessage(uidValidity, uid, messageId, from, to.equals(List.of("")) ? List.of() : to, date, subject,
                text.bodyText(), text.quotedText(), text.signature(), text.attachments(), text.truncated(),
                problems.isEmpty() ? Optional.empty() : Optional.of(String.join("; ", problems)));
    }

    private Result read(Part message) throws ConnectionLost {
        walk(message, 0);
        String body;
        if (!plain.isEmpty()) {
            body = texts(plain, false);
        } else if (!html.isEmpty()) {
            body = texts(html, true);
        } else if (problems.contains("broken MIME structure")) {
            body = raw(message);
        } else {
            body = "";
        }
        // Some servers (Dovecot) report a multipart whose boundary never occurs as one empty text part:
        // the text is then only in the raw body, and the message is broken, so say so.
        if (body.isBlank() && attachments.isEmpty() && !problems.contains("broken MIME structure") && isMultipart(message)) {
            problems.add("broken MIME structure");
            body = raw(message);
        }
        QuoteSplitter.Parts parts = QuoteSplitter.split(body);
        return new Result(parts.body(), parts.quoted(), parts.signature(), attachments, truncated,
                problems.isEmpty() ? Optional.empty() : Optional.of(String.join("; ", problems)));
    }

    private static boolean isMultipart(Part part) {
        try {
            return part.isMimeType("multipart/*");
        } catch (MessagingException | RuntimeException e) {
            return false;
        }
    }

    private void walk(Part part, int depth) throws ConnectionLost {
        if (depth > MAX_DEPTH) {
            problems.add("MIME structure nested too deeply");
            return;
        }
        try {
            String disposition = lower(safeDisposition(part));
            String fileName = safeFileName(part);
            if (part.isMimeType("multipart/*")) {
                Object content = part.getContent();
                if (content instanceof Multipart multipart) {
                    int count = multipart.getCount();
                    for (int i = 0; i < count; i++) {
                        walk(multipart.getBodyPart(i), depth + 1);
                    }
                } else {
                    problems.add("broken MIME structure");
                }
            } else if ("attachment".equals(disposition) || fileName != null) {
                attachments.add(new Attachment(fileName == null ? "" : fileName, mimeType(part), part.getSize()));
            } else if (part.isMimeType("text/plain")) {
                plain.add(part);
            } else if (part.isMimeType("text/html")) {
                html.add(part);
            } else if (depth > 0) {
                attachments.add(new Attachment("", mimeType(part), part.getSize()));
            } else {
                plain.add(part); // a one-part mail of an odd type: its text is the best we have
            }
        } catch (MessagingException | IOException | RuntimeException e) {
            rethrowIfConnectionLost(e);
            problems.add("broken MIME structure");
        }
    }

    private String texts(List<Part> parts, boolean isHtml) throws ConnectionLost {
        StringJoiner joined = new StringJoiner("\n\n");
        for (Part part : parts) {
            if (remaining <= 0) {
                truncated = true;
                break;
            }
            String text = text(part);
            joined.add(isHtml ? HtmlText.of(text) : text);
        }
        return joined.toString();
    }

    private String text(Part part) throws ConnectionLost {
        String charset = null;
        try {
            charset = new ContentType(part.getContentType()).getParameter("charset");
        } catch (MessagingException | RuntimeException e) {
            rethrowIfConnectionLost(e);
            problems.add("unreadable Content-Type");
        }
        byte[] bytes;
        try (InputStream in = part.getInputStream()) {
            bytes = capped(in);
        } catch (MessagingException | IOException | RuntimeException e) {
            rethrowIfConnectionLost(e);
            problems.add("undecodable body encoding");
            bytes = partial;
        }
        return decode(bytes, charset);
    }

    /** The raw body when the structure is broken: better something readable than nothing. */
    private String raw(Part message) throws ConnectionLost {
        byte[] bytes;
        try (InputStream in = message instanceof MimeMessage mime ? mime.getRawInputStream() : message.getInputStream()) {
            bytes = capped(in);
        } catch (MessagingException | IOException | RuntimeException e) {
            rethrowIfConnectionLost(e);
            bytes = partial;
        }
        return decode(bytes, null);
    }

    private byte[] capped(InputStream in) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        partial = new byte[0];
        byte[] buffer = new byte[8192];
        try {
            int n;
            while (remaining > 0 && (n = in.read(buffer, 0, Math.min(buffer.length, remaining))) >= 0) {
                out.write(buffer, 0, n);
                remaining -= n;
            }
            if (remaining <= 0 && in.read() >= 0) {
                truncated = true;
            }
        } catch (IOException e) {
            partial = out.toByteArray();
            throw e;
        }
        return out.toByteArray();
    }

    private String decode(byte[] bytes, String charset) {
        TextDecoding.Decoded decoded = TextDecoding.decode(bytes, charset);
        // a cap may cut a multi-byte character in two; drop its first bytes rather than misread the whole text
        for (int cut = 1; truncated && decoded.problem().isPresent() && cut <= 3 && cut < bytes.length; cut++) {
            TextDecoding.Decoded shorter = TextDecoding.decode(Arrays.copyOf(bytes, bytes.length - cut), charset);
            if (shorter.problem().isEmpty()) {
                decoded = shorter;
            }
        }
        decoded.problem().ifPresent(problems::add);
        return decoded.text().replace("\r\n", "\n");
    }

    private static void rethrowIfConnectionLost(Throwable e) throws ConnectionLost {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof FolderClosedException || t instanceof StoreClosedException || t instanceof ConnectionException) {
                throw new ConnectionLost(e);
            }
        }
    }

    private String safeDisposition(Part part) {
        try {
            return part.getDisposition();
        } catch (MessagingException | RuntimeException e) {
            problems.add("unreadable Content-Disposition");
            return null;
        }
    }

    private String safeFileName(Part part) throws ConnectionLost {
        try {
            String name = part.getFileName();
            return name == null ? null : decodeWord(name);
        } catch (MessagingException | RuntimeException e) {
            rethrowIfConnectionLost(e);
            problems.add("unreadable attachment name");
            return "";
        }
    }

    private static String mimeType(Part part) {
        try {
            ContentType type = new ContentType(part.getContentType());
            return type.getBaseType().toLowerCase(Locale.ROOT);
        } catch (MessagingException | RuntimeException e) {
            return "application/octet-stream";
        }
    }

    private static String lower(String value) {
        return value == null ? null : value.toLowerCase(Locale.ROOT);
    }

    private static String decodeWord(String value) {
        try {
            return RawUtf8Header.repair(MimeUtility.decodeText(value));
        } catch (UnsupportedEncodingException unknownCharset) {
            return RawUtf8Header.repair(value);
        }
    }

    /**
     * The From or To addresses as people read them ("Jürgen Weiß &lt;j.weiss@example.de&gt;", joined by ", "); a
     * malformed header is shown as written rather than dropped.
     */
    public static String addresses(Message message, String name) {
        return addresses(message, name, new ArrayList<>());
    }

    private static String addresses(Message message, String name, List<String> problems) {
        try {
            Address[] addresses = "From".equals(name) ? message.getFrom() : message.getRecipients(Message.RecipientType.TO);
            if (addresses == null) {
                return "";
            }
            StringJoiner joined = new StringJoiner(", ");
            for (Address address : addresses) {
                joined.add(address instanceof InternetAddress internet ? readable(internet) : address.toString());
            }
            return joined.toString();
        } catch (MessagingException | RuntimeException malformed) {
            problems.add("malformed " + name + " header");
            return header(message, name).map(MimeText::decodeWord).orElse("");
        }
    }

    /** Without the quotes RFC 5322 would put around a name with a comma or umlaut: this is for reading. */
    private static String readable(InternetAddress address) {
        String personal = RawUtf8Header.repair(address.getPersonal());
        String mailbox = RawUtf8Header.repair(address.getAddress());
        return personal == null || personal.isBlank() ? mailbox : personal + " <" + mailbox + ">";
    }

    private static Optional<Instant> date(Message message, List<String> problems) {
        try {
            return Optional.ofNullable(message.getSentDate()).or(() -> receivedDate(message)).map(java.util.Date::toInstant);
        } catch (MessagingException | RuntimeException malformed) {
            problems.add("malformed Date header");
            return Optional.empty();
        }
    }

    private static Optional<java.util.Date> receivedDate(Message message) {
        try {
            return Optional.ofNullable(message.getReceivedDate());
        } catch (MessagingException | RuntimeException unknown) {
            return Optional.empty();
        }
    }

    private static String subject(Message message, List<String> problems) {
        try {
            String subject = message.getSubject();
            return subject == null ? "" : RawUtf8Header.repair(subject);
        } catch (MessagingException | RuntimeException malformed) {
            problems.add("malformed Subject header");
            return header(message, "Subject").map(MimeText::decodeWord).orElse("");
        }
    }

    private static Optional<String> header(Message message, String name) {
        try {
            String[] values = message.getHeader(name);
            return values == null || values.length == 0 ? Optional.empty() : Optional.of(MimeUtility.unfold(values[0]).strip());
        } catch (MessagingException | RuntimeException unreadable) {
            return Optional.empty();
        }
    }
}
