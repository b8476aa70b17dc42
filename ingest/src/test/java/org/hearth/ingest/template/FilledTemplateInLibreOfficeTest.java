package org.hearth.ingest.template;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.hearth.fixtures.documents.TestTemplates;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A filled draft is a document another word processor reads as the lawyer will: LibreOffice (installed from Debian
 * by .ci/run) converts it to PDF without error, and the PDF shows the filled values and no placeholder. Where no
 * LibreOffice is installed the test is skipped, not passed.
 */
class FilledTemplateInLibreOfficeTest {

    @TempDir
    Path dir;

    @Test
    void libreOfficeConvertsAFilledLetterToAPdfShowingTheValues() throws Exception {
        Optional<Path> soffice = onPath("soffice");
        assumeTrue(soffice.isPresent(), "LibreOffice (soffice) is not installed here; .ci/run installs it");
        Path filled = dir.resolve("Entwurf.docx");
        DocxTemplate.fill(TestTemplates.letter(dir), TemplateValues.of(Map.of(
                TestTemplates.CASE_NUMBER, "12 C 345/26",
                TestTemplates.CLIENT, "Erika Müller",
                TestTemplates.COURT, "Amtsgericht Köln",
                TestTemplates.AMOUNT, "1.234,56 €")), filled);
        Path pdfs = Files.createDirectories(dir.resolve("pdf"));

        Process convert = new ProcessBuilder(soffice.get().toString(), "-env:UserInstallation=" + dir.resolve("profile").toUri(),
                "--headless", "--convert-to", "pdf", "--outdir", pdfs.toString(), filled.toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("soffice.log").toFile()).start();
        boolean ended = convert.waitFor(3, TimeUnit.MINUTES);
        if (!ended) {
            convert.destroyForcibly();
        }

        assertThat(ended).as("LibreOffice ended within 3 minutes").isTrue();
        assertThat(convert.exitValue()).as(Files.readString(dir.resolve("soffice.log"))).isZero();
        try (PDDocument pdf = Loader.loadPDF(pdfs.resolve("Entwurf.pdf").toFile())) {
            String text = new PDFTextStripper().getText(pdf);
            assertThat(text).contains("12 C 345/26", "Erika Müller", "Amtsgericht Köln", "1.234,56 €")
                    .doesNotContain("{{", "}}");
        }
    }

    private static Optional<Path> onPath(String tool) {
        return Arrays.stream(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator))
                .filter(folder -> !folder.isBlank()).map(folder -> Path.of(folder, tool))
                .filter(Files::isExecutable).findFirst();
    }
}
