package org.hearth.ingest.document;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.hearth.domain.Locator;
import org.hearth.fixtures.documents.TestDocx;
import org.hearth.fixtures.documents.TestFiles;
import org.hearth.fixtures.documents.TestPdfs;
import org.hearth.fixtures.mail.TestMails;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The format readers in this process: text, provenance and each specific error. */
class DocumentReadersTest {

    @TempDir
    Path dir;

    @Test
    void pdf_text_comes_per_page_with_page_numbers_metadata_and_progress() throws Exception {
        List<int[]> progress = new ArrayList<>();
        DocumentText text = DocumentReaders.read(TestPdfs.multiPage(dir), ReadOptions.none(),
                (done, total) -> progress.add(new int[] {done, total}));

        assertThat(text.type()).isEqualTo(DocumentType.PDF);
        assertThat(text.pageCount()).isEqualTo(3);
        assertThat(text.blocks()).extracting(TextBlock::text, TextBlock::locator, TextBlock::kind).containsExactly(
                tuple(String.join("\n", TestPdfs.MULTI_PAGE_LINES.get(0)), Locator.page(1), BlockKind.BODY),
                tuple(String.join("\n", TestPdfs.MULTI_PAGE_LINES.get(1)), Locator.page(2), BlockKind.BODY),
                tuple(String.join("\n", TestPdfs.MULTI_PAGE_LINES.get(2)), Locator.page(3), BlockKind.BODY));
        assertThat(text.metadata()).containsEntry("title", TestPdfs.MULTI_PAGE_TITLE)
                .containsEntry("author", TestPdfs.MULTI_PAGE_AUTHOR)
                .containsEntry("pages", "3");
        assertThat(progress).extracting(p -> p[0] + "/" + p[1]).contains("1/3", "2/3", "3/3").last().isEqualTo("3/3");
    }

    @Test
    void pdf_pages_whose_content_stream_sits_in_an_array_read_the_same() throws Exception {
        Path plain = TestPdfs.multiPage(dir);
        Path wrapped = dir.resolve("xelatex-style.pdf");
        try (PDDocument document = Loader.loadPDF(plain.toFile())) {
            for (PDPage page : document.getPages()) {
                COSArray contents = new COSArray();
                contents.add(page.getCOSObject().getDictionaryObject(COSName.CONTENTS));
                page.getCOSObject().setItem(COSName.CONTENTS, contents);
            }
            document.save(wrapped.toFile());
        }

        assertThat(DocumentReaders.read(wrapped, ReadOptions.none(), ReadProgress.none()).blocks())
                .isEqualTo(DocumentReaders.read(plain, ReadOptions.none(), ReadProgress.none()).blocks());
    }

    @Test
    void encrypted_pdf_needs_its_password_and_says_so() throws Exception {
        Path file = TestPdfs.encrypted(dir);

        assertThatThrownBy(() -> DocumentReaders.read(file, ReadOptions.none(), ReadProgress.none()))
                .isInstanceOfSatisfying(DocumentException.class, e -> {
                    assertThat(e.kind()).isEqualTo(DocumentException.Kind.PASSWORD_REQUIRED);
                    assertThat(e.file()).isEqualTo(file);
                    assertThat(e).hasMessage("vertraulich.pdf is password-protected — enter the password");
                });
        assertThatThrownBy(() -> DocumentReaders.read(file, ReadOptions.withPassword("falsch"), ReadProgress.none()))
                .isInstanceOfSatisfying(DocumentException.class, e -> assertThat(e.kind()).isEqualTo(DocumentException.Kind.WRONG_PASSWORD))
                .hasMessageContaining("vertraulich.pdf");
        DocumentText text = DocumentReaders.read(file, ReadOptions.withPassword(TestPdfs.ENCRYPTED_PASSWORD), ReadProgress.none());
        assertThat(text.blocks()).singleElement()
                .extracting(TextBlock::text).isEqualTo(String.join("\n", TestPdfs.MULTI_PAGE_LINES.getFirst()));
    }

    @Test
    void pdf_without_text_layer_is_no_text_not_an_empty_result() throws Exception {
        assertThatThrownBy(() -> DocumentReaders.read(TestPdfs.imageOnly(dir), ReadOptions.none(), ReadProgress.none()))
                .isInstanceOfSatisfying(DocumentException.class, e -> assertThat(e.kind()).isEqualTo(DocumentException.Kind.NO_TEXT))
                .hasMessage("scan.pdf is a scan in which no text was recognised");
    }

    @Test
    void a_truncated_pdf_says_which_pages_could_not_be_read() throws Exception {
        Path cut = TestPdfs.truncated(dir, "abgebrochen.pdf", 10, 30);
        Path nearlyWhole = TestPdfs.truncated(dir, "fast-ganz.pdf", 10, 97);

        DocumentText text = DocumentReaders.read(cut, ReadOptions.none(), ReadProgress.none());
        DocumentText allPages = DocumentReaders.read(nearlyWhole, ReadOptions.none(), ReadProgress.none());

        int read = text.blocks().size();
        assertThat(read).isBetween(1, 9);
        assertThat(text.blocks()).extracting(TextBlock::locator).last().isEqualTo(Locator.page(read));
        assertThat(text.warning()).contains("The file is truncated: pages " + (read + 1) + "–10 could not be read");
        assertThat(allPages.blocks()).hasSize(10);
        assertThat(allPages.warning()).contains("The file is truncated: its text may be incomplete");
        assertThat(DocumentReaders.read(TestPdfs.multiPage(dir), ReadOptions.none(), ReadProgress.none()).warning()).isEmpty();
    }

    @Test
    void corrupt_pdf_is_damaged() throws Exception {
        assertThatThrownBy(() -> DocumentReaders.read(TestPdfs.corrupt(dir), ReadOptions.none(), ReadProgress.none()))
                .isInstanceOfSatisfying(DocumentException.class, e -> assertThat(e.kind()).isEqualTo(DocumentException.Kind.DAMAGED))
                .hasMessageStartingWith("beschaedigt.pdf is damaged");
    }

    @Test
    void docx_blocks_keep_headings_lists_tables_footnotes_headers_and_footers_with_paragraph_numbers() throws Exception {
        DocumentText text = DocumentReaders.read(TestDocx.pleading(dir), ReadOptions.none(), ReadProgress.none());

        Locator wholeBody = new Locator(Locator.Unit.PARAGRAPH, 1, 12);
        assertThat(text.type()).isEqualTo(DocumentType.DOCX);
        assertThat(text.pageCount()).isZero();
        assertThat(text.metadata()).containsEntry("title", TestDocx.TITLE);
        assertThat(text.blocks()).extracting(TextBlock::text, TextBlock::locator, TextBlock::kind).containsExactly(
                tuple(TestDocx.HEADER, wholeBody, BlockKind.HEADER),
                tuple(TestDocx.HEADING, Locator.paragraph(1), BlockKind.HEADING),
                tuple(TestDocx.FIRST_PARAGRAPH + "[1]", Locator.paragraph(2), BlockKind.BODY),
                tuple("Anträge", Locator.paragraph(3), BlockKind.HEADING),
                tuple("1. " + TestDocx.ITEM_1, Locator.paragraph(4), BlockKind.LIST_ITEM),
                tuple("a) " + TestDocx.ITEM_1_A, Locator.paragraph(5), BlockKind.LIST_ITEM),
                tuple("2. " + TestDocx.ITEM_2, Locator.paragraph(6), BlockKind.LIST_ITEM),
                tuple("• " + TestDocx.BULLET, Locator.paragraph(7), BlockKind.LIST_ITEM),
                tuple("Parteien", Locator.paragraph(8), BlockKind.HEADING),
                tuple(String.join(" | ", TestDocx.TABLE[0]), Locator.paragraph(9), BlockKind.TABLE),
                tuple(String.join(" | ", TestDocx.TABLE[1]), Locator.paragraph(10), BlockKind.TABLE),
                tuple(String.join(" | ", TestDocx.TABLE[2]), Locator.paragraph(11), BlockKind.TABLE),
                tuple(TestDocx.CLOSING, Locator.paragraph(12), BlockKind.BODY),
                tuple("[1] " + TestDocx.FOOTNOTE, Locator.paragraph(2), BlockKind.FOOTNOTE),
                tuple(TestDocx.FOOTER, wholeBody, BlockKind.FOOTER));
    }

    @Test
    void encrypted_docx_needs_its_password() throws Exception {
        Path file = TestDocx.encrypted(dir);

        assertThatThrownBy(() -> DocumentReaders.read(file, ReadOptions.none(), ReadProgress.none()))
                .isInstanceOfSatisfying(DocumentException.class, e -> assertThat(e.kind()).isEqualTo(DocumentException.Kind.PASSWORD_REQUIRED))
                .hasMessage("geschuetzt.docx is password-protected — enter the password");
        assertThatThrownBy(() -> DocumentReaders.read(file, ReadOptions.withPassword("falsch"), ReadProgress.none()))
                .isInstanceOfSatisfying(DocumentException.class, e -> assertThat(e.kind()).isEqualTo(DocumentException.Kind.WRONG_PASSWORD));
        assertThat(DocumentReaders.read(file, ReadOptions.withPassword(TestDocx.PASSWORD), ReadProgress.none()).blocks())
                .extracting(TextBlock::text).contains(TestDocx.HEADING, TestDocx.CLOSING);
    }

    @Test
    void markdown_paragraphs_headings_and_list_items() throws Exception {
        DocumentText text = DocumentReaders.read(TestFiles.markdown(dir), ReadOptions.none(), ReadProgress.none());

        assertThat(text.type()).isEqualTo(DocumentType.MARKDOWN);
        assertThat(text.blocks()).extracting(TextBlock::text, TextBlock::locator, TextBlock::kind).containsExactly(
                tuple("Vermerk", Locator.paragraph(1), BlockKind.HEADING),
                tuple("Besprechung mit Frau Müller am 12. Januar.", Locator.paragraph(2), BlockKind.BODY),
                tuple("• Mietvertrag prüfen", Locator.paragraph(3), BlockKind.LIST_ITEM),
                tuple("• Frist notieren", Locator.paragraph(3), BlockKind.LIST_ITEM));
    }

    @Test
    void text_file_paragraphs_split_on_blank_lines_and_legacy_encoding_is_understood() throws Exception {
        Path file = dir.resolve("NOTIZ.TXT");
        Files.write(file, "Erste Zeile\r\nzweite Zeile\r\n\r\n  \r\nGrüße aus Köln\r\n".getBytes("windows-1252"));

        DocumentText text = DocumentReaders.read(file, ReadOptions.none(), ReadProgress.none());

        assertThat(text.type()).isEqualTo(DocumentType.TEXT);
        assertThat(text.blocks()).extracting(TextBlock::text, TextBlock::locator).containsExactly(
                tuple("Erste Zeile\nzweite Zeile", Locator.paragraph(1)),
                tuple("Grüße aus Köln", Locator.paragraph(2)));
    }

    @Test
    void latin1_quoted_printable_mail_gives_decoded_headers_and_body() throws Exception {
        DocumentText text = DocumentReaders.read(TestFiles.latin1QuotedPrintableEml(dir), ReadOptions.none(), ReadProgress.none());

        assertThat(text.type()).isEqualTo(DocumentType.EMAIL);
        assertThat(text.metadata()).containsEntry("from", TestFiles.EML_FROM)
                .containsEntry("subject", TestFiles.EML_SUBJECT)
                .containsEntry("to", "Erika Mueller <e.mueller@example.de>")
                .containsEntry("date", "Tue, 13 Jan 2026 09:30:00 +0100");
        assertThat(text.blocks().getFirst()).isEqualTo(new TextBlock("""
                From: Jürgen Weiß <j.weiss@example.de>
                To: Erika Mueller <e.mueller@example.de>
                Date: Tue, 13 Jan 2026 09:30:00 +0100
                Subject: Kündigung des Mietvertrags""", Locator.paragraph(1), BlockKind.HEADER));
        assertThat(text.blocks()).extracting(TextBlock::text).containsSubsequence(
                TestFiles.EML_FIRST_PARAGRAPH, TestFiles.EML_SECOND_PARAGRAPH, "Mit freundlichen Grüßen\nJürgen Weiß");
        assertThat(text.blocks().get(2).locator()).isEqualTo(Locator.paragraph(3));
    }

    @Test
    void html_only_mail_is_reduced_to_its_text() throws Exception {
        DocumentText text = DocumentReaders.read(TestFiles.htmlOnlyEml(dir), ReadOptions.none(), ReadProgress.none());

        assertThat(text.blocks()).extracting(TextBlock::text).containsExactly(
                "From: kanzlei@example.de\nTo: mandant@example.de\nSubject: Frist",
                "Guten Tag,",
                TestFiles.HTML_EML_TEXT);
    }

    @Test
    void a_dropped_reply_keeps_signature_and_quoted_history_apart_from_what_the_author_wrote() throws Exception {
        Path eml = Files.write(dir.resolve("antwort.eml"), TestMails.replyWithHistory());

        DocumentText text = DocumentReaders.read(eml, ReadOptions.none(), ReadProgress.none());

        assertThat(text.blocks()).extracting(TextBlock::kind).containsExactly(
                BlockKind.HEADER, BlockKind.BODY, BlockKind.FOOTER, BlockKind.QUOTED);
        assertThat(text.blocks().get(1).text()).isEqualTo("Einverstanden, bitte so einreichen.");
        assertThat(text.blocks().get(2).text()).isEqualTo("Dr. Erika Beispiel\nKanzlei Beispiel");
        assertThat(text.blocks().get(3).text()).startsWith("Am 03.03.2025 um 10:15 schrieb").contains("> Anbei der Entwurf");
        assertThat(text.blocks()).extracting(TextBlock::locator)
                .containsExactly(Locator.paragraph(1), Locator.paragraph(2), Locator.paragraph(3), Locator.paragraph(4));
    }

    @Test
    void hidden_html_in_a_dropped_mail_never_reaches_the_text() throws Exception {
        Path eml = Files.write(dir.resolve("rechnung.eml"), TestMails.htmlWithHiddenInjection());

        DocumentText text = DocumentReaders.read(eml, ReadOptions.none(), ReadProgress.none());

        assertThat(text.blocks()).extracting(TextBlock::text).contains("Anbei die Rechnung Nr. 4711.")
                .noneMatch(block -> block.contains(TestMails.HIDDEN_INSTRUCTION));
    }

    @Test
    void missing_unsupported_and_empty_files_have_their_own_errors() throws IOException {
        Path missing = dir.resolve("weg.pdf");
        Path spreadsheet = Files.writeString(dir.resolve("tabelle.xlsx"), "x");
        Path empty = Files.writeString(dir.resolve("leer.txt"), "\n  \n");

        assertThatThrownBy(() -> DocumentReaders.read(missing, ReadOptions.none(), ReadProgress.none()))
                .isInstanceOfSatisfying(DocumentException.class, e -> assertThat(e.kind()).isEqualTo(DocumentException.Kind.NOT_FOUND))
                .hasMessageStartingWith("weg.pdf was not found");
        assertThatThrownBy(() -> DocumentReaders.read(spreadsheet, ReadOptions.none(), ReadProgress.none()))
                .isInstanceOfSatisfying(DocumentException.class, e -> assertThat(e.kind()).isEqualTo(DocumentException.Kind.UNSUPPORTED_TYPE))
                .hasMessageStartingWith("tabelle.xlsx is not a kind of file Hearth reads");
        assertThatThrownBy(() -> DocumentReaders.read(empty, ReadOptions.none(), ReadProgress.none()))
                .isInstanceOfSatisfying(DocumentException.class, e -> assertThat(e.kind()).isEqualTo(DocumentException.Kind.NO_TEXT))
                .hasMessage("leer.txt contains no text to summarise");
    }

    @Test
    void a_renamed_pdf_is_damaged_as_docx() throws Exception {
        Path renamed = Files.copy(TestPdfs.multiPage(dir), dir.resolve("eigentlich-pdf.docx"));

        assertThatThrownBy(() -> DocumentReaders.read(renamed, ReadOptions.none(), ReadProgress.none()))
                .isInstanceOfSatisfying(DocumentException.class, e -> assertThat(e.kind()).isEqualTo(DocumentException.Kind.DAMAGED));
    }

    @Test
    void read_options_never_show_the_password() {
        assertThat(ReadOptions.withPassword("geheim").toString()).doesNotContain("geheim");
    }
}
