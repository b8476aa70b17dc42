package org.hearth.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which command lines skip the parser and open the window at once. */
class DesktopStartTest {

    @TempDir
    Path dir;

    @Test
    void noArgumentsOrOnlyExistingFilesOpenTheWindow() throws Exception {
        Path pdf = Files.writeString(dir.resolve("Klage.pdf"), "%PDF-");
        Path docx = Files.writeString(dir.resolve("Vertrag.docx"), "PK");

        assertThat(DesktopStart.files()).contains(List.of());
        assertThat(DesktopStart.files(pdf.toString(), docx.toString())).contains(List.of(pdf, docx));
    }

    @Test
    void optionsCommandsAndMissingFilesAreLeftToTheParser() throws Exception {
        Path pdf = Files.writeString(dir.resolve("Klage.pdf"), "%PDF-");

        assertThat(DesktopStart.files("--home", dir.toString())).isEmpty();
        assertThat(DesktopStart.files(pdf.toString(), "--version")).isEmpty();
        assertThat(DesktopStart.files("summarize", pdf.toString())).isEmpty();
        assertThat(DesktopStart.files(dir.resolve("missing.pdf").toString())).isEmpty();
        assertThat(DesktopStart.files(dir.toString())).as("a folder").isEmpty();
    }

    @Test
    void aFileNamedLikeACommandIsTheCommand() throws Exception {
        Path named = Files.writeString(dir.resolve("summarize"), "not a document");

        assertThat(DesktopStart.files(named.toString())).as("a path to it is a file").contains(List.of(named));
        assertThat(DesktopStart.files("summarize")).isEmpty();
    }
}
