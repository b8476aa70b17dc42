package org.hearth.app.mail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import org.hearth.assistant.llama.LlamaModel;
import org.hearth.assistant.llama.LlamaRuntime;
import org.hearth.fixtures.gguf.TestModels;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The generated random-weight Qwen3.5, loaded through the real libllama once per test class:
 * {@code @RegisterExtension static final TinyModel MODEL = new TinyModel();}.
 */
final class TinyModel implements BeforeAllCallback, AfterAllCallback {

    private Path folder;
    private LlamaModel model;

    @Override
    public void beforeAll(ExtensionContext context) throws IOException {
        folder = Files.createTempDirectory("hearth-tiny-model");
        model = LlamaRuntime.get().loadModel(TestModels.tinyQwen35(folder), fraction -> true);
    }

    @Override
    public void afterAll(ExtensionContext context) throws IOException {
        model.close();
        try (var files = Files.walk(folder)) {
            files.sorted(Comparator.reverseOrder()).forEach(file -> file.toFile().delete());
        }
    }

    LlamaModel get() {
        return model;
    }
}
