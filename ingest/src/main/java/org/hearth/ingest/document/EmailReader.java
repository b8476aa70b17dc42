package org.hearth.ingest.document;

import jakarta.mail.Address;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeUtility;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UnsupportedEncodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.StringJoiner;
import org.hearth.domain.Locator;

/**
 * A saved e-mail (.eml): the headers people read (From, To, Date, Subject) as the first paragraph,
 * then the body's paragraphs. The text/plain alternative is preferred; HTML is reduced to text.
 */
final class EmailReader {

    private EmailReader() {
    }

    static void read(Path file, DocumentSink sink) throws IOException {
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file))) {
            MimeMessage message = new MimeMessage(Session.getInstance(new Properties()), in);
            String from = addresses(message, "From");
            String to = addresses(message, "To");
            String date = header(message, "Date");
            String subject = header(message, "Subject");
            sink.metadataIfPresent("from", from);
            sink.metadataIfPresent("to", to);
            sink.metadataIfPresent("date", date);
            sink.metadataIfPresent("subject", subject);

            StringJoiner headers = new StringJoiner("\n");
            addHeader(headers, "From", from);
            addHeader(headers, "To", to);
            addHeader(headers, "Date", date);
            addHeader(headers, "Subject", subject);
            sink.block(new TextBlock(headers.toString(), Locator.paragraph(1), BlockKind.HEADER));

            List<String> paragraphs = body(message).map(Paragraphs::split).orElse(List.of());
            for (int i = 0; i < paragraphs.size(); i++) {
                sink.block(new TextBlock(paragraphs.get(i), Locator.paragraph(i + 2), BlockKind.BODY));
            }
        } catch (MessagingException e) {
            throw new IOException("unreadable message", e);
        }
    }

    private static void addHeader(StringJoiner headers, String name, String value) {
        if (!value.isBlank()) {
            headers.add(name + ": " + value);
        }
    }

    /** Decoded addresses; a malformed header is shown as written rather than dropped. */
    private static String addresses(MimeMessage message, String name) throws MessagingException {
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
        } catch (MessagingException malformed) {
            return header(message, name);
        }
    }

    /** "Jürgen Weiß <j.weiss@example.de>", without the quotes RFC 5322 would put around the name. */
    private static String readable(InternetAddress address) {
        String name = address.getPersonal();
        return name == null || name.isBlank() ? address.getAddress() : name + " <" + address.getAddress() + ">";
    }

    private static String header(MimeMessage message, String name) throws MessagingException {
        String raw = message.getHeader(name, ", ");
        if (raw == null) {
            return "";
        }
        try {
            return MimeUtility.decodeText(MimeUtility.unfold(raw)).strip();
        } catch (UnsupportedEncodingException unknownCharset) {
            return MimeUtility.unfold(raw).strip();
        }
    }

    private static Optional<String> body(Part message) throws MessagingException, IOException {
        List<Part> plain = new ArrayList<>();
        List<Part> html = new ArrayList<>();
        collectTextParts(message, plain, html);
        if (!plain.isEmpty()) {
            return Optional.of(join(plain, false));
        }
        if (!html.isEmpty()) {
            return Optional.of(join(html, true));
        }
        return Optional.empty();
    }

    /** Inline text parts in order, skipping attachments; of multipart/alternative, {@link #body} keeps the plain one. */
    private static void collectTextParts(Part part, List<Part> plain, List<Part> html) throws MessagingException, IOException {
        if (Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition())) {
            return;
        }
        if (part.isMimeType("text/plain")) {
            plain.add(part);
        } else if (part.isMimeType("text/html")) {
            html.add(part);
        } else if (part.isMimeType("multipart/*") && part.getContent() instanceof Multipart multipart) {
            for (int i = 0; i < multipart.getCount(); i++) {
                collectTextParts(multipart.getBodyPart(i), plain, html);
            }
        }
    }

    private static String join(List<Part> parts, boolean isHtml) throws MessagingException, IOException {
        StringJoiner joined = new StringJoiner("\n\n");
        for (Part part : parts) {
            String text = text(part);
            joined.add(isHtml ? HtmlText.of(text) : text);
        }
        return joined.toString();
    }

    /** The decoded text; a charset Java does not know is read as Latin-1 instead of failing the mail. */
    private static String text(Part part) throws MessagingException, IOException {
        try {
            Object content = part.getContent();
            if (content instanceof String text) {
                return text;
            }
        } catch (UnsupportedEncodingException unknownCharset) {
            // fall through to the raw bytes
        }
        try (InputStream in = part.getInputStream()) {
            return new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
        }
    }
}
