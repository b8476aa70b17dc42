package org.hearth.ingest.mail;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import org.hearth.fixtures.mail.TestMails;
import org.junit.jupiter.api.Test;

class MimeTextTest {

    private static MailMessage read(byte[] raw) throws Exception {
        return read(raw, SyncOptions.DEFAULT_MAX_BODY_BYTES);
    }

    private static MailMessage read(byte[] raw, int maxBytes) throws Exception {
        MimeMessage message = new MimeMessage(Session.getInstance(new Properties()), new ByteArrayInputStream(raw));
        return MimeText.message(message, 7, 1, maxBytes);
    }

    @Test
    void multipartAlternativePrefersThePlainPart() throws Exception {
        MailMessage mail = read(TestMails.multipartAlternative());
        assertThat(mail.bodyText()).isEqualTo("Der Termin ist am 12. März um 10 Uhr (plain).");
        assertThat(mail.from()).isEqualTo("Max Mustermann <max@example.de>");
        assertThat(mail.to()).containsExactly("Kanzlei <post@kanzlei.example.de>");
        assertThat(mail.messageId()).isEqualTo("<alt@example.de>");
        assertThat(mail.date()).isPresent();
        assertThat(mail.parseProblem()).isEmpty();
    }

    @Test
    void transferEncodingsAndCharsetsAreDecoded() throws Exception {
        assertThat(read(TestMails.base64()).bodyText()).isEqualTo("Die Frist läuft am 30.06. ab. Grüße aus München");
        assertThat(read(TestMails.quotedPrintable()).bodyText())
                .isEqualTo("Bitte prüfen Sie die Unterlagen bis Freitag, dann können wir einreichen.");
        MailMessage latin1 = read(TestMails.latin1());
        assertThat(latin1.bodyText()).isEqualTo("Ärger über die Kündigung: Straße, Größe, Öl.");
        assertThat(latin1.subject()).isEqualTo("Kündigung");
        assertThat(latin1.parseProblem()).isEmpty();
    }

    @Test
    void rawUtf8HeadersAreReadAsUtf8() throws Exception {
        byte[] raw = ("From: Jürgen Müller <mueller@example.de>\r\n"
                + "To: Anna Groß <gross@example.de>, post@kanzlei.example.de\r\n"
                + "Subject: Termin in München – Räumungsklage\r\n"
                + "Message-ID: <utf8@example.de>\r\n"
                + "MIME-Version: 1.0\r\n"
                + "Content-Type: text/plain; charset=UTF-8\r\n"
                + "Content-Transfer-Encoding: 8bit\r\n\r\n"
                + "Grüße aus München\r\n").getBytes(StandardCharsets.UTF_8);
        MailMessage mail = read(raw);
        assertThat(mail.subject()).isEqualTo("Termin in München – Räumungsklage");
        assertThat(mail.from()).isEqualTo("Jürgen Müller <mueller@example.de>");
        assertThat(mail.to()).containsExactly("Anna Groß <gross@example.de>", "post@kanzlei.example.de");
        assertThat(mail.bodyText()).isEqualTo("Grüße aus München");
    }

    @Test
    void latin1HeadersStayAsTheyAre() throws Exception {
        byte[] raw = ("From: Jürgen Müller <mueller@example.de>\r\nSubject: Kündigung zum 30.06.\r\n"
                + "Content-Type: text/plain; charset=ISO-8859-1\r\n\r\nText\r\n").getBytes(StandardCharsets.ISO_8859_1);
        MailMessage mail = read(raw);
        assertThat(mail.subject()).isEqualTo("Kündigung zum 30.06.");
        assertThat(mail.from()).isEqualTo("Jürgen Müller <mueller@example.de>");
    }

    @Test
    void anUnknownCharsetFallsBackAndSaysSo() throws Exception {
        MailMessage mail = read(TestMails.unknownCharset());
        assertThat(mail.bodyText()).isEqualTo("Vielen Dank für Ihren Auftrag.");
        assertThat(mail.parseProblem()).hasValueSatisfying(p -> assertThat(p).contains("unknown charset").contains("windows-1252"));
    }

    @Test
    void aMislabelledUtf8BodyIsReadAsWindows1252() {
        byte[] latin1 = "Grüße".getBytes(StandardCharsets.ISO_8859_1);
        TextDecoding.Decoded decoded = TextDecoding.decode(latin1, "UTF-8");
        assertThat(decoded.text()).isEqualTo("Grüße");
        assertThat(decoded.problem()).isPresent();
    }

    @Test
    void hiddenHtmlNeverReachesTheText() throws Exception {
        MailMessage mail = read(TestMails.htmlWithHiddenInjection());
        assertThat(mail.bodyText()).contains("Anbei die Rechnung Nr. 4711.").contains("Mit freundlichen Grüßen")
                .doesNotContain(TestMails.HIDDEN_INSTRUCTION).doesNotContain("IGNORE");
    }

    @Test
    void visibleStylesAndColouredBoxesAreKept() {
        String html = "<p style=\"font-size:14px;color:#333\">sichtbar</p>"
                + "<td style=\"background:#003366;color:#ffffff\">Button</td>"
                + "<div style=\"display:block\">auch sichtbar</div><span style=\"display:none\">weg<b>weg</b></span>ende";
        assertThat(HtmlText.of(html)).contains("sichtbar", "Button", "auch sichtbar", "ende").doesNotContain("weg");
    }

    @Test
    void nestedHiddenElementsAreRemovedWhole() {
        String html = "<div style='display:none'><div>a</div><div>b</div></div><div>c</div>";
        assertThat(HtmlText.of(html)).isEqualTo("c");
    }

    @Test
    void quotedHistoryAndSignatureAreSeparated() throws Exception {
        MailMessage mail = read(TestMails.replyWithHistory());
        assertThat(mail.bodyText()).isEqualTo("Einverstanden, bitte so einreichen.");
        assertThat(mail.signature()).isEqualTo("Dr. Erika Beispiel\nKanzlei Beispiel");
        assertThat(mail.quotedText()).startsWith("Am 03.03.2025 um 10:15 schrieb").contains("> Anbei der Entwurf");
    }

    @Test
    void outlookHeaderBlocksStartTheQuoteInGermanAndEnglish() {
        QuoteSplitter.Parts german = QuoteSplitter.split("Einverstanden.\nVon: Anwalt ist informiert.\n\n________________________________\n"
                + "Von: Jane Roe <jane@example.com>\nGesendet: Montag, 3. März 2025 10:15\nAn: Erika Beispiel <erika@example.de>\n"
                + "Betreff: Entwurf\n\nAnbei der Entwurf.");
        assertThat(german.body()).isEqualTo("Einverstanden.\nVon: Anwalt ist informiert.");
        assertThat(german.quoted()).startsWith("________________________________\nVon: Jane Roe").endsWith("Anbei der Entwurf.");
        QuoteSplitter.Parts english = QuoteSplitter.split("Fine.\n\nFrom: Jane Roe <jane@example.com>\nSent: Monday, March 3, 2025 10:15 AM\n"
                + "To: Erika Beispiel\nSubject: Draft\n\nDraft attached.");
        assertThat(english.body()).isEqualTo("Fine.");
        assertThat(english.quoted()).startsWith("From: Jane Roe").endsWith("Draft attached.");
    }

    @Test
    void englishAndWrappedAttributionsAreQuotedToo() {
        QuoteSplitter.Parts english = QuoteSplitter.split("Fine.\n\nOn Mon, 3 Mar 2025 at 10:15, Jane Roe\n<jane@example.com> wrote:\n> Draft attached.");
        assertThat(english.body()).isEqualTo("Fine.");
        assertThat(english.quoted()).startsWith("On Mon").endsWith("> Draft attached.");
        QuoteSplitter.Parts inline = QuoteSplitter.split("> question one\nanswer one\n> question two\nanswer two");
        assertThat(inline.body()).isEqualTo("answer one\nanswer two");
        assertThat(inline.quoted()).isEqualTo("> question one\n> question two");
    }

    @Test
    void brokenStructureStillYieldsTextAndAProblem() throws Exception {
        MailMessage mail = read(TestMails.brokenMultipart());
        assertThat(mail.bodyText()).contains("Dieser Text steht ohne Grenze im Multipart.");
        assertThat(mail.parseProblem()).hasValueSatisfying(p -> assertThat(p).contains("broken MIME structure"));
        assertThat(mail.subject()).isEqualTo("Kaputt");
    }

    @Test
    void attachmentsAreListedNotRead() throws Exception {
        MailMessage mail = read(TestMails.withAttachment(3000));
        assertThat(mail.bodyText()).isEqualTo("Anbei der Schriftsatz.");
        assertThat(mail.attachments()).singleElement().satisfies(a -> {
            assertThat(a.name()).isEqualTo("Schriftsatz.pdf");
            assertThat(a.mimeType()).isEqualTo("application/pdf");
            assertThat(a.size()).isGreaterThan(3000);
        });
    }

    @Test
    void aLongBodyIsCutAtTheCap() throws Exception {
        MailMessage mail = read(TestMails.large(100_000), 10_000);
        assertThat(mail.truncated()).isTrue();
        assertThat(mail.bodyText().length()).isBetween(9_000, 10_000);
        assertThat(read(TestMails.large(1_000), 10_000).truncated()).isFalse();
    }

    @Test
    void aCapInsideAMultiByteCharacterDoesNotSpoilTheCharset() throws Exception {
        String head = "From: a@example.de\r\nSubject: x\r\nContent-Type: text/plain; charset=UTF-8\r\n\r\n";
        byte[] raw = (head + "ü".repeat(1000)).getBytes(StandardCharsets.UTF_8);
        MailMessage mail = read(raw, 1001); // cuts the 501st "ü" in half
        assertThat(mail.truncated()).isTrue();
        assertThat(mail.bodyText()).isEqualTo("ü".repeat(500));
        assertThat(mail.parseProblem()).isEmpty();
    }

    @Test
    void toStringLeaksNoContent() throws Exception {
        MailMessage mail = read(TestMails.multipartAlternative());
        assertThat(mail.toString()).doesNotContain("Termin").doesNotContain("example.de");
    }
}
