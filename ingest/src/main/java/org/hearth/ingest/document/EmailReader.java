package org.hearth.ingest.document;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeUtility;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UnsupportedEncodingException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.StringJoiner;
import org.hearth.domain.Locator;
import org.hearth.ingest.mail.MimeText;
import org.hearth.ingest.mail.SyncOptions;

/**
 * A saved e-mail (.eml): the headers people read (From, To, Date, Subject) as the first paragraph, then the
 * paragraphs of what the author wrote, the signature and the quoted history. The body goes through
 * {@link MimeText}, the path IMAP mail takes, so a dropped mail gives the model the same text as a fetched one.
 */
final class EmailReader {

    private EmailReader() {
    }

    static void read(Path file, DocumentSink sink) throws IOException {
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file))) {
            MimeMessage message = new MimeMessage(Session.getInstance(new Properties()), in);
            String from = MimeText.addresses(message, "From");
            String to = MimeText.addresses(message, "To");
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

            // the same text IMAP sync gives triage: hidden HTML removed, history and signature apart
            MimeText.Result text = MimeText.of(message, SyncOptions.DEFAULT_MAX_BODY_BYTES);
            int next = paragraphs(sink, text.bodyText(), BlockKind.BODY, 2);
            next = paragraphs(sink, text.signature(), BlockKind.FOOTER, next);
            paragraphs(sink, text.quotedText(), BlockKind.QUOTED, next);
        } catch (MessagingException e) {
            throw new IOException("unreadable message", e);
        } catch (MimeText.ConnectionLost impossible) {
            throw new IOException("a file has no connection to lose", impossible);
        }
    }

    private static void addHeader(StringJoiner headers, String name, String value) {
        if (!value.isBlank()) {
            headers.add(name + ": " + value);
        }
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

    /** Consecutive paragraphs of {@code text}, numbered on from {@code first}; returns the next free number. */
    private static int paragraphs(DocumentSink sink, String text, BlockKind kind, int first) {
        int number = first;
        for (String paragraph : Paragraphs.split(text)) {
            sink.block(new TextBlock(paragraph, Locator.paragraph(number++), kind));
        }
        return number;
    }
}
