package org.hearth.app.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.hearth.app.export.SummaryExporter.Format;
import org.hearth.domain.Language;
import org.hearth.domain.Locator;
import org.hearth.ui.service.ExportService;
import org.hearth.ui.service.SummaryJob;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SummaryExporterTest {

    private static final String TEXT = """
            Der Mieter kündigt zum 30. Juni 2026 (S. 2).

            Offene Punkte:
            - Kaution (S. 3–4)
            - Schlüsselübergabe
            """;

    @TempDir
    Path dir;

    private final SummaryExporter exporter = new SummaryExporter();

    @Test
    void docx_has_the_title_heading_and_the_paragraphs_with_page_references() throws IOException {
        Path target = dir.resolve("Zusammenfassung.docx");

        exporter.export("Kündigung Müller", TEXT, Format.DOCX, target);

        try (InputStream in = Files.newInputStream(target); XWPFDocument document = new XWPFDocument(in)) {
            List<XWPFParagraph> paragraphs = document.getParagraphs();
            assertThat(paragraphs).extracting(XWPFParagraph::getText).containsExactly(
                    "Kündigung Müller",
                    "Der Mieter kündigt zum 30. Juni 2026 (S. 2).",
                    "Offene Punkte:\n- Kaution (S. 3–4)\n- Schlüsselübergabe");
            assertThat(paragraphs.getFirst().getStyle()).isEqualTo("Heading1");
            assertThat(document.getStyles().getStyle("Heading1").getName()).isEqualTo("heading 1");
        }
        assertThat(dir).isDirectoryNotContaining("glob:**.tmp");
    }

    @Test
    void markdown_has_the_title_and_paragraphs() throws IOException {
        Path target = dir.resolve("zusammenfassung.md");

        exporter.export("Kündigung Müller", TEXT, Format.MARKDOWN, target);

        assertThat(target).content().isEqualTo("""
                # Kündigung Müller

                Der Mieter kündigt zum 30. Juni 2026 (S. 2).

                Offene Punkte:
                - Kaution (S. 3–4)
                - Schlüsselübergabe
                """);
    }

    @Test
    void an_existing_file_is_replaced_whole() throws IOException {
        Path target = Files.writeString(dir.resolve("alt.md"), "old content that is much longer than the new one ".repeat(50));

        exporter.export("Neu", "Kurz.", Format.MARKDOWN, target);

        assertThat(target).content().isEqualTo("# Neu\n\nKurz.\n");
        try (var files = Files.list(dir)) {
            assertThat(files).containsExactly(target);
        }
    }

    @Test
    void a_missing_folder_is_worded_for_the_user() {
        Path target = dir.resolve("gibt-es-nicht").resolve("summary.docx");

        assertThatThrownBy(() -> exporter.export("T", TEXT, Format.DOCX, target))
                .isInstanceOf(IOException.class)
                .hasMessageStartingWith("The folder ")
                .hasMessageContaining("does not exist — choose another folder for summary.docx");
    }

    @Test
    void the_file_name_picks_the_format() {
        assertThat(Format.of(Path.of("Akte", "Zusammenfassung.DOCX"))).isEqualTo(Format.DOCX);
        assertThat(Format.of(Path.of("Zusammenfassung.md"))).isEqualTo(Format.MARKDOWN);
    }

    @Test
    void the_window_exports_the_summary_text_of_its_job_result() throws IOException {
        Path target = dir.resolve("Zusammenfassung.docx");
        SummaryJob.Result result = new SummaryJob.Result(TEXT, Language.GERMAN, 4, List.of(Locator.page(2)), Optional.empty());

        new SummaryExportService().export("Kündigung Müller", result, ExportService.Format.DOCX, target);

        try (InputStream in = Files.newInputStream(target); XWPFDocument document = new XWPFDocument(in)) {
            assertThat(document.getParagraphs()).extracting(XWPFParagraph::getText)
                    .contains("Kündigung Müller", "Der Mieter kündigt zum 30. Juni 2026 (S. 2).");
        }
    }
}
