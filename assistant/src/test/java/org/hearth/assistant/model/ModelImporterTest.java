package org.hearth.assistant.model;

import org.hearth.assistant.gguf.GgufValidator;
import org.hearth.fixtures.gguf.BadGgufFiles;
import org.hearth.fixtures.gguf.TestModels;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class ModelImporterTest {

    private static final DiskSpaceProbe ROOMY_DISK = folder -> 1L << 40;

    @TempDir
    Path userFolder;

    @TempDir
    Path modelsFolder;

    @Test
    void copiesACheckedModelAndLeavesTheOriginal() throws Exception {
        Path source = TestModels.tinyQwen35(userFolder);

        ImportedModel imported = new ModelImporter(modelsFolder, ROOMY_DISK).importFile(source, ModelImporter.Mode.COPY);

        assertThat(imported.file()).isEqualTo(modelsFolder.resolve(TestModels.TINY_QWEN35));
        assertThat(imported.role()).isEqualTo(GgufValidator.Role.CHAT);
        assertThat(imported.inModelsFolder()).isTrue();
        assertThat(Files.mismatch(source, imported.file())).isEqualTo(-1);
        assertThat(modelsFolder.resolve(TestModels.TINY_QWEN35 + ".part")).doesNotExist();
    }

    @Test
    void movesAModelIntoTheModelsFolder() throws Exception {
        Path source = TestModels.tinyEmbedding(userFolder);

        ImportedModel imported = new ModelImporter(modelsFolder, ROOMY_DISK).importFile(source, ModelImporter.Mode.MOVE);

        assertThat(imported.role()).isEqualTo(GgufValidator.Role.EMBEDDING);
        assertThat(imported.file()).exists();
        assertThat(source).doesNotExist();
    }

    @Test
    void registersAModelWhereItLies() throws Exception {
        Path source = TestModels.tinyQwen35(userFolder);

        ImportedModel imported = new ModelImporter(modelsFolder, ROOMY_DISK).importFile(source, ModelImporter.Mode.IN_PLACE);

        assertThat(imported.file()).isEqualTo(source.toAbsolutePath());
        assertThat(imported.inModelsFolder()).isFalse();
        assertThat(modelsFolder).isEmptyDirectory();
    }

    @Test
    void refusesAFileHearthCannotRunWithTheReadersExplanation() throws Exception {
        Path source = BadGgufFiles.unknownArchitecture(userFolder);

        ModelImportException refused = catchThrowableOfType(ModelImportException.class,
                () -> new ModelImporter(modelsFolder, ROOMY_DISK).importFile(source, ModelImporter.Mode.COPY));

        assertThat(refused.reason()).isEqualTo(ModelImportException.Reason.NOT_USABLE);
        assertThat(refused.getMessage()).contains("cannot run");
        assertThat(modelsFolder).isEmptyDirectory();
    }

    @Test
    void refusesToOverwriteAModelOfTheSameName() throws Exception {
        Path source = TestModels.tinyQwen35(userFolder);
        Files.writeString(modelsFolder.resolve(TestModels.TINY_QWEN35), "an older model");

        ModelImportException refused = catchThrowableOfType(ModelImportException.class,
                () -> new ModelImporter(modelsFolder, ROOMY_DISK).importFile(source, ModelImporter.Mode.COPY));

        assertThat(refused.reason()).isEqualTo(ModelImportException.Reason.ALREADY_PRESENT);
        assertThat(Files.readString(modelsFolder.resolve(TestModels.TINY_QWEN35))).isEqualTo("an older model");
    }

    @Test
    void refusesACopyTheDiskCannotHold() throws Exception {
        Path source = TestModels.tinyQwen35(userFolder);

        ModelImportException refused = catchThrowableOfType(ModelImportException.class,
                () -> new ModelImporter(modelsFolder, folder -> 1000).importFile(source, ModelImporter.Mode.COPY));

        assertThat(refused.reason()).isEqualTo(ModelImportException.Reason.NOT_ENOUGH_DISK);
        assertThat(refused.getMessage()).contains("needs", "free");
        assertThat(modelsFolder).isEmptyDirectory();
    }
}
