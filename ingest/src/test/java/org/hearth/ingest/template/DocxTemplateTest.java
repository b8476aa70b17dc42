package org.hearth.ingest.template;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.apache.poi.xwpf.extractor.XWPFWordExtractor;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.hearth.fixtures.documents.TestDocx;
import org.hearth.fixtures.documents.TestTemplates;
import org.hearth.ingest.document.DocumentException;
import org.hearth.ingest.document.GuardedDocx;
import org.hearth.ingest.template.TemplateField.Kind;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DocxTemplateTest {

    private static final Map<String, String> ALL = Map.ofEntries(
            Map.entry(TestTemplates.CASE_NUMBER, "12 C 345/26"),
            Map.entry(TestTemplates.CLIENT, "Erika Müller"),
            Map.entry(TestTemplates.STREET, "Hauptstraße 1, 50667 Köln"),
            Map.entry(TestTemplates.COURT, "Amtsgericht Köln"),
            Map.entry(TestTemplates.AMOUNT, "1.234,56 €"),
            Map.entry(TestTemplates.SERVED, "12.01.2026"),
            Map.entry(TestTemplates.DEADLINE, "26. Januar 2026"),
            Map.entry(TestTemplates.URGENT, "ja"),
            Map.entry(TestTemplates.CLERK, "RA Weiß"),
            Map.entry(TestTemplates.RECEIVED, "02.01.2026"),
            Map.entry(TestTemplates.OPPONENT, "Max Schmidt"));

    @TempDir
    Path dir;
    Path template;

    @BeforeEach
    void write() throws Exception {
        template = TestTemplates.letter(dir);
    }

    @Test
    void lists_every_field_once_with_its_kind_and_the_firms_description() throws Exception {
        assertThat(DocxTemplate.fields(template))
                .extracting(TemplateField::name, TemplateField::kind)
                .containsExactlyInAnyOrder(
                        tuple(TestTemplates.CASE_NUMBER, Kind.TEXT),
                        tuple(TestTemplates.CLIENT, Kind.TEXT),
                        tuple(TestTemplates.STREET, Kind.TEXT),
                        tuple(TestTemplates.COURT, Kind.CONTENT_CONTROL),
                        tuple(TestTemplates.AMOUNT, Kind.TEXT),
                        tuple(TestTemplates.SERVED, Kind.TEXT),
                        tuple(TestTemplates.DEADLINE, Kind.TEXT),
                        tuple(TestTemplates.URGENT, Kind.CONDITION),
                        tuple(TestTemplates.ENCLOSURES, Kind.ROWS),
                        tuple(TestTemplates.CLERK, Kind.TEXT),
                        tuple(TestTemplates.RECEIVED, Kind.TEXT),
                        tuple(TestTemplates.OPPONENT, Kind.TEXT));
        assertThat(DocxTemplate.fields(template))
                .filteredOn(field -> !field.description().isEmpty())
                .extracting(TemplateField::name, TemplateField::description)
                .containsExactlyInAnyOrder(
                        tuple(TestTemplates.CASE_NUMBER, TestTemplates.CASE_NUMBER_DESCRIPTION),
                        tuple(TestTemplates.CLIENT, TestTemplates.CLIENT_COMMENT),
                        tuple(TestTemplates.OPPONENT, TestTemplates.CLIENT_COMMENT));
    }

    @Test
    void fills_split_placeholders_in_header_body_table_and_footer_keeping_each_runs_formatting() throws Exception {
        Path out = dir.resolve("out.docx");
        DocxTemplate.fill(template, new TemplateValues(ALL, Map.of()), out);

        try (XWPFDocument filled = open(out)) {
            String text = allText(filled);
            assertThat(text).doesNotContain("{{", "}}", "[Bezeichnung]")
                    .contains("12 C 345/26", "Erika Müller", "Hauptstraße 1, 50667 Köln", "Amtsgericht Köln", "1.234,56 €",
                            "12.01.2026", TestTemplates.DEADLINE_SENTENCE + "26. Januar 2026.", TestTemplates.URGENT_TEXT, "RA Weiß")
                    .doesNotContain(TestTemplates.COURT_PROMPT, TestTemplates.CASE_NUMBER_DESCRIPTION);

            XWPFParagraph salutation = paragraphStarting(filled, TestTemplates.SALUTATION);
            assertThat(salutation.getText())
                    .isEqualTo(TestTemplates.SALUTATION + "Erika Müller in Sachen Mietforderung gegen Max Schmidt.");
            List<XWPFRun> runs = salutation.getRuns().stream().filter(run -> run.text() != null && !run.text().isEmpty()).toList();
            assertThat(runs.subList(0, 2)).extracting(XWPFRun::text, XWPFRun::isBold, XWPFRun::isItalic)
                    .containsExactly(tuple(TestTemplates.SALUTATION, false, false), tuple("Erika Müller", true, false));
            // the underlined run, its placeholder filled (poi-tl may cut it into runs of the same formatting)
            assertThat(runs.subList(2, runs.size())).isNotEmpty().allSatisfy(run -> {
                assertThat(run.getUnderline().name()).isEqualTo("SINGLE");
                assertThat(run.isBold()).isFalse();
            });

            XWPFParagraph header = filled.getHeaderList().getFirst().getParagraphs().getFirst();
            assertThat(header.getRuns()).extracting(XWPFRun::text, XWPFRun::isBold)
                    .containsExactly(tuple("Kanzlei Weiß & Partner — Az. ", false), tuple("12 C 345/26", true));
            assertThat(filled.getFooterList().getFirst().getText()).contains("Bearbeitet von RA Weiß");
            assertThat(filled.getTables().getFirst().getRow(0).getCell(1).getText()).isEqualTo("1.234,56 €");
            assertThat(filled.getDocument().xmlText()).doesNotContain("showingPlcHdr")
                    .contains("Eingang: 02.01.2026").doesNotContain("{{");
        }
    }

    @Test
    void repeats_the_enclosure_row_per_item_and_drops_the_side_table() throws Exception {
        Path out = dir.resolve("out.docx");
        List<Map<String, String>> enclosures = List.of(
                Map.of("Bezeichnung", "Mietvertrag", "Datum", "03.05.2021"),
                Map.of("Bezeichnung", "Mahnschreiben", "Datum", "01.12.2025"));
        DocxTemplate.fill(template, new TemplateValues(ALL, Map.of(TestTemplates.ENCLOSURES, enclosures)), out);

        try (XWPFDocument filled = open(out)) {
            assertThat(filled.getTables()).hasSize(2);
            XWPFTable table = filled.getTables().get(1);
            assertThat(table.getRows()).extracting(row -> row.getCell(0).getText() + " | " + row.getCell(1).getText())
                    .containsExactly("Anlage | Datum", "Mietvertrag | 03.05.2021", "Mahnschreiben | 01.12.2025");
        }
    }

    @Test
    void unanswered_fields_are_highlighted_blanks_and_blocks_on_them_are_left_out() throws Exception {
        Path out = dir.resolve("out.docx");
        DocxTemplate.fill(template, TemplateValues.of(Map.of(TestTemplates.CLIENT, "Erika Müller", TestTemplates.DEADLINE, " ")), out);

        try (XWPFDocument filled = open(out)) {
            String text = allText(filled);
            assertThat(text).doesNotContain("{{", "}}", "[Bezeichnung]", TestTemplates.DEADLINE_SENTENCE, TestTemplates.URGENT_TEXT,
                    TestTemplates.COURT_PROMPT);
            XWPFParagraph header = filled.getHeaderList().getFirst().getParagraphs().getFirst();
            XWPFRun caseNumber = header.getRuns().getLast();
            assertThat(caseNumber.text()).isEqualTo(FieldText.BLANK);
            assertThat(caseNumber.getTextHighlightColor().toString()).isEqualTo("yellow");
            assertThat(caseNumber.isBold()).isTrue();
            assertThat(filled.getTables().get(1).getRows()).hasSize(1);
            assertThat(filled.getDocument().xmlText()).contains("w:highlight w:val=\"yellow\"")
                    .contains(FieldText.BLANK).doesNotContain("{{");
        }
    }

    @Test
    void the_template_is_never_changed_and_never_overwritten() throws Exception {
        String before = sha256(template);
        DocxTemplate.fill(template, TemplateValues.of(ALL), dir.resolve("out.docx"));
        assertThat(sha256(template)).isEqualTo(before);

        assertThatThrownBy(() -> DocxTemplate.fill(template, TemplateValues.of(ALL), template))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("overwrite");
        assertThat(sha256(template)).isEqualTo(before);
    }

    @Test
    void a_zip_bomb_template_is_refused_as_the_document_reader_refuses_it() throws Exception {
        Path bomb = TestDocx.zipBomb(dir);
        assertThatThrownBy(() -> DocxTemplate.fields(bomb))
                .isInstanceOf(DocumentException.class)
                .hasMessageContaining("unpack to far more data");
    }

    @Test
    void a_template_with_more_xml_than_any_letter_holds_is_refused_before_it_is_parsed() throws Exception {
        Path big = dir.resolve("Riesig.docx");
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(template));
             ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(big))) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                out.putNextEntry(new ZipEntry(entry.getName()));
                in.transferTo(out);
                out.closeEntry();
            }
            // random text compresses little: no zip bomb, only too much XML
            out.putNextEntry(new ZipEntry("word/filler.xml"));
            Random random = new Random(7);
            byte[] line = new byte[1024];
            for (long written = 0; written <= GuardedDocx.MAX_XML_BYTES; written += line.length) {
                for (int i = 0; i < line.length; i++) {
                    line[i] = (byte) ('a' + random.nextInt(26));
                }
                out.write(line);
            }
            out.closeEntry();
        }

        assertThatThrownBy(() -> DocxTemplate.fields(big))
                .isInstanceOf(DocumentException.class)
                .hasMessageContaining("Riesig.docx").hasMessageContaining("unpack to far more data");
    }

    private static XWPFDocument open(Path file) throws Exception {
        try (InputStream in = Files.newInputStream(file)) {
            return new XWPFDocument(in);
        }
    }

    private static String allText(XWPFDocument document) {
        try (XWPFWordExtractor extractor = new XWPFWordExtractor(document)) {
            return extractor.getText();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static XWPFParagraph paragraphStarting(XWPFDocument document, String start) {
        return document.getParagraphs().stream().filter(p -> p.getText().startsWith(start)).findFirst().orElseThrow();
    }

    private static String sha256(Path file) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
    }
}
