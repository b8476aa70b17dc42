package org.hearth.app.drafting;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.hearth.assistant.llama.ContextOptions;
import org.hearth.ui.service.DraftingService.Template;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Drafts tab's templates: the DOCX files of the folder by name, not Word's lock files, other files or folders. */
class LocalDraftingServiceTest {

    @TempDir
    Path folder;

    @Test
    void lists_the_docx_templates_of_the_folder_by_name() throws Exception {
        Files.writeString(folder.resolve("Mandatsbestätigung.docx"), "");
        Files.writeString(folder.resolve("fristverlängerung.DOCX"), "");
        Files.writeString(folder.resolve("~$ndatsbestätigung.docx"), "");
        Files.writeString(folder.resolve("Notizen.txt"), "");
        Files.createDirectory(folder.resolve("Archiv.docx"));

        try (LocalDraftingService service = new LocalDraftingService(cancelled -> {
            throw new AssertionError("listing templates needs no model");
        }, ContextOptions::defaults, Optional.empty())) {
            assertThat(service.templates(folder)).containsExactly(
                    new Template(folder.resolve("fristverlängerung.DOCX"), "fristverlängerung"),
                    new Template(folder.resolve("Mandatsbestätigung.docx"), "Mandatsbestätigung"));
        }
    }
}
