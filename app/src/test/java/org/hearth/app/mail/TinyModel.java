package org.hearth.app.mail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import org.hearth.assistant.engine.ModelHost;
import org.hearth.assistant.engine.ModelLease;
import org.hearth.assistant.llama.LlamaModel;
import org.hearth.fixtures.gguf.TestModels;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The generated random-weight Qwen3.5, loaded through the real libllama into a model host once per
 * test class: {@code @RegisterExtension static final TinyModel MODEL = new TinyModel();}.
 */
final class TinyModel implements BeforeAllCallback, AfterAllCallback {

    private Path folder;
    private ModelHost host;

    @Override
    public void beforeAll(ExtensionContext context) throws IOException, InterruptedException {
        folder = Files.createTempDirectory("hearth-tiny-model");
        host = new ModelHost();
        host.load(TestModels.tinyQwen35(folder), ModelHost.RunningJobs.LET_FINISH);
    }

    @Override
    public void afterAll(ExtensionContext context) throws IOException {
        host.close();
        try (var files = Files.walk(folder)) {
            files.sorted(Comparator.reverseOrder()).forEach(file -> file.toFile().delete());
        }
    }

    /** The loaded model; the host keeps it loaded until the test class ends, so no lease is held here. */
    LlamaModel get() throws InterruptedException {
        try (ModelLease lease = host.lease(() -> false)) {
            return lease.model();
        }
    }

    /** The host, for services that take leases as the window's do. */
    ModelHost host() {
        return host;
    }
}
