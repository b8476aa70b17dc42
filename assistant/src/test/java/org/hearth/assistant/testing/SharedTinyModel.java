package org.hearth.assistant.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.hearth.assistant.llama.LlamaModel;
import org.hearth.assistant.llama.LlamaRuntime;
import org.hearth.fixtures.gguf.TestModels;

/**
 * The generated tiny qwen35 model, loaded once for all test classes of this JVM that only read
 * from it (a model is shared across jobs in the app too; each test makes its own contexts).
 * Tests that close or break models load their own.
 */
public final class SharedTinyModel {

    private static LlamaModel model;

    private SharedTinyModel() {
    }

    public static synchronized LlamaModel get() {
        if (model == null) {
            try {
                Path dir = Files.createTempDirectory("hearth-tiny-model");
                Path file = TestModels.tinyQwen35(dir);
                model = LlamaRuntime.get().loadModel(file);
                // llama.cpp maps the file; it can go when the JVM does.
                file.toFile().deleteOnExit();
                dir.toFile().deleteOnExit();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return model;
    }
}
