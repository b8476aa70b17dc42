package org.hearth.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.hearth.fixtures.documents.ScannedLetters;
import org.hearth.fixtures.documents.ScannedLetters.Quality;
import org.hearth.fixtures.documents.TestDocx;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code hearth text}: a scan's text page by page, marked as OCR, and a broken file reported on its own. */
class TextCommandTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @Test
    void anImageOnlyPdfComesBackPageByPageAsOcrTextAndABrokenImageFailsOnItsOwn() throws Exception {
        Path scan = ScannedLetters.pdf(dir.resolve("scan.pdf"), List.of(
                ScannedLetters.page(ScannedLetters.ENGLISH, Quality.CLEAN, 0, 1),
                ScannedLetters.page(ScannedLetters.GERMAN, Quality.CLEAN, 0, 2)));
        Path broken = Files.write(dir.resolve("kaputt.jpg"), new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, 0, 1, 2});
        Path docx = TestDocx.pleading(dir);

        CliRun run = CliRun.in(dir.resolve("home"), "text", "--json", scan.toString(), broken.toString(), docx.toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode files = JSON.readTree(run.out()).get("files");
        assertThat(files).hasSize(3);
        JsonNode pdf = files.get(0);
        assertThat(pdf.get("file").asText()).isEqualTo(scan.toString());
        assertThat(pdf.get("status").asText()).isEqualTo("ok");
        assertThat(pdf.get("error").isNull()).isTrue();
        assertThat(pdf.get("pages")).hasSize(2);
        assertThat(pdf.get("pages").get(0).get("page").asInt()).isEqualTo(1);
        assertThat(pdf.get("pages").get(0).get("ocr").asBoolean()).isTrue();
        assertThat(ScannedLetters.oneLine(pdf.get("pages").get(0).get("text").asText())).contains("Our reference: HL/2026/0457");
        assertThat(pdf.get("pages").get(1).get("page").asInt()).isEqualTo(2);
        assertThat(ScannedLetters.oneLine(pdf.get("pages").get(1).get("text").asText())).contains("Aktenzeichen: 12 O 3456/26");
        JsonNode image = files.get(1);
        assertThat(image.get("status").asText()).isEqualTo("error");
        assertThat(image.get("error").asText()).startsWith("kaputt.jpg is damaged");
        JsonNode word = files.get(2);
        assertThat(word.get("pages")).singleElement().satisfies(page -> {
            assertThat(page.get("page").isNull()).isTrue();
            assertThat(page.get("ocr").asBoolean()).isFalse();
            assertThat(page.get("text").asText()).contains(TestDocx.FIRST_PARAGRAPH);
        });
    }

    @Test
    void whenEveryFileFailsTheExitCodeSaysSoAndStdoutIsStillOneJsonDocument() throws Exception {
        Path broken = Files.write(dir.resolve("kaputt.tiff"), new byte[] {'I', 'I', 42, 0, 8, 0, 0, 0});

        CliRun run = CliRun.in(dir.resolve("home"), "text", "--json", broken.toString(), dir.resolve("fehlt.pdf").toString());

        assertThat(run.exitCode()).isEqualTo(1);
        JsonNode files = JSON.readTree(run.out()).get("files");
        assertThat(files).extracting(file -> file.get("status").asText()).containsExactly("error", "error");
        assertThat(files.get(1).get("error").asText()).isEqualTo("fehlt.pdf was not found — it may have been moved or deleted");
    }
}
