package org.hearth.app.models;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.Stream;
import org.hearth.app.HearthPaths;
import org.hearth.assistant.gguf.GgufException;
import org.hearth.assistant.gguf.GgufValidator;
import org.hearth.assistant.llama.LlamaException;
import org.hearth.assistant.model.CatalogModel;
import org.hearth.assistant.model.ModelCatalog;

/** Finds model files: a named file or installed model, or the one to use when none is named. */
public final class InstalledModels {

    private InstalledModels() {
    }

    public static Path resolve(String fileOrName, HearthPaths paths) {
        Path asFile = Path.of(fileOrName);
        if (Files.isRegularFile(asFile)) {
            return asFile;
        }
        var fromCatalog = ModelCatalog.find(fileOrName).map(model -> paths.models().resolve(model.fileName()));
        if (fromCatalog.isPresent() && Files.isRegularFile(fromCatalog.get())) {
            return fromCatalog.get();
        }
        for (String candidate : new String[] {fileOrName, fileOrName + ".gguf"}) {
            Path installed = paths.models().resolve(candidate);
            if (Files.isRegularFile(installed)) {
                return installed;
            }
        }
        throw new LlamaException("No model file or installed model named '" + fileOrName
                + "'. './hearth models list' shows the installed models.");
    }

    /**
     * The model to use when none is named: the one in the settings, else the largest installed
     * catalog chat model, else any installed chat model.
     */
    public static Path resolveDefault(HearthPaths paths, String fromSettings) {
        if (fromSettings != null && !fromSettings.isBlank()) {
            return resolve(fromSettings, paths);
        }
        List<CatalogModel> chat = new ArrayList<>(ModelCatalog.chatModels());
        Collections.reverse(chat);
        for (CatalogModel model : chat) {
            Path file = paths.models().resolve(model.fileName());
            if (Files.isRegularFile(file)) {
                return file;
            }
        }
        List<String> installed = chatModelNames(paths);
        if (!installed.isEmpty()) {
            return paths.models().resolve(installed.getFirst());
        }
        throw new LlamaException("No model is installed. './hearth models recommend' suggests one for this machine,"
                + " './hearth models pull NAME' downloads it, or use --model FILE.");
    }

    /** The usable chat models in the models folder by file name, sorted; none when there is no folder yet. */
    public static List<String> chatModelNames(HearthPaths paths) {
        try (Stream<Path> files = Files.list(paths.models())) {
            return files.filter(f -> f.toString().endsWith(".gguf")).filter(InstalledModels::isChatModel)
                    .map(f -> f.getFileName().toString()).sorted().toList();
        } catch (IOException noModelsFolder) {
            return List.of();
        }
    }

    private static boolean isChatModel(Path file) {
        try {
            return GgufValidator.check(file) == GgufValidator.Role.CHAT;
        } catch (GgufException notUsable) {
            return false; // `models verify` explains what is wrong with it
        }
    }
}
