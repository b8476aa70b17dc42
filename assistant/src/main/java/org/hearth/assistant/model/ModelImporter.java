package org.hearth.assistant.model;

import org.hearth.assistant.gguf.GgufException;
import org.hearth.assistant.gguf.GgufValidator;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;

/**
 * Adds a GGUF file the user already has: copied or moved into the models folder, or registered where it lies.
 * The file is checked with the GGUF reader first, so a file that would crash llama.cpp never gets in.
 */
public final class ModelImporter {

    /** What to do with the user's file. */
    public enum Mode {
        /** Copy into the models folder and leave the original alone. */
        COPY,
        /** Move into the models folder. */
        MOVE,
        /** Leave the file where it is and use it from there. */
        IN_PLACE
    }

    private final Path modelsFolder;
    private final DiskSpaceProbe disk;

    public ModelImporter(Path modelsFolder, DiskSpaceProbe disk) {
        this.modelsFolder = modelsFolder;
        this.disk = disk;
    }

    public ImportedModel importFile(Path source, Mode mode) throws ModelImportException {
        GgufValidator.Role role = check(source);
        if (mode == Mode.IN_PLACE) {
            return new ImportedModel(source.toAbsolutePath(), role, false);
        }
        Path target = modelsFolder.resolve(source.getFileName());
        if (isSameFile(source, target)) {
            return new ImportedModel(target, role, true);
        }
        if (Files.exists(target)) {
            throw new ModelImportException(ModelImportException.Reason.ALREADY_PRESENT,
                    "Hearth already has a model named " + target.getFileName() + ". Rename the file to add it as well.");
        }
        try {
            Files.createDirectories(modelsFolder);
            if (mode == Mode.MOVE && moveWithinDisk(source, target)) {
                return new ImportedModel(target, role, true);
            }
            copy(source, target);
            if (mode == Mode.MOVE) {
                Files.delete(source);
            }
        } catch (IOException e) {
            throw new ModelImportException(ModelImportException.Reason.FILE_SYSTEM,
                    "Hearth could not add " + source.getFileName() + " to " + modelsFolder + ": " + e.getMessage(), e);
        }
        return new ImportedModel(target, role, true);
    }

    private static GgufValidator.Role check(Path source) throws ModelImportException {
        try {
            return GgufValidator.check(source);
        } catch (GgufException e) {
            throw new ModelImportException(ModelImportException.Reason.NOT_USABLE, e.getMessage(), e);
        }
    }

    /** Moves without copying when source and models folder share a disk; false when they do not. */
    private static boolean moveWithinDisk(Path source, Path target) throws IOException {
        try {
            Files.move(source, target, StandardCopyOption.ATOMIC_MOVE);
            return true;
        } catch (AtomicMoveNotSupportedException e) {
            return false;
        }
    }

    /** Copies through a partial file, so an interrupted copy never looks like a model. */
    private void copy(Path source, Path target) throws IOException, ModelImportException {
        Optional<String> shortage = DiskRoom.shortage(disk, modelsFolder, Files.size(source));
        if (shortage.isPresent()) {
            throw new ModelImportException(ModelImportException.Reason.NOT_ENOUGH_DISK, shortage.get());
        }
        Path part = target.resolveSibling(target.getFileName() + ".part");
        try {
            Files.copy(source, part, StandardCopyOption.REPLACE_EXISTING);
            Files.move(part, target, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(part);
        }
    }

    private static boolean isSameFile(Path source, Path target) {
        try {
            return Files.exists(target) && Files.isSameFile(source, target);
        } catch (IOException e) {
            return false;
        }
    }
}
