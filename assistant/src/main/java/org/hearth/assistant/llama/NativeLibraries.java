package org.hearth.assistant.llama;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * The file names of llama.cpp's C-API libraries on each platform, in the order they must be
 * loaded: ggml-base first, then ggml, then llama (each depends on the ones before it).
 */
record NativeLibraries(Path ggmlBase, Path ggml, Path llama) {

    static NativeLibraries in(Path dir) {
        String os = System.getProperty("os.name").toLowerCase(Locale.ROOT);
        List<String> names;
        if (os.contains("win")) {
            names = List.of("ggml-base.dll", "ggml.v0.4.0.dll", "llama.v0.4.0.dll");
        } else if (os.contains("mac")) {
            names = List.of("libggml-base.dylib", "libggml.metal.v0.4.0.dylib", "libllama.metal.v0.4.0.dylib");
        } else {
            names = List.of("libggml-base.so", "libggml.v0.4.0.so", "libllama.v0.4.0.so");
        }
        NativeLibraries libs = new NativeLibraries(dir.resolve(names.get(0)), dir.resolve(names.get(1)), dir.resolve(names.get(2)));
        for (Path lib : List.of(libs.ggmlBase, libs.ggml, libs.llama)) {
            if (!Files.isRegularFile(lib)) {
                throw new LlamaException("The llama.cpp library " + lib.getFileName() + " is missing in " + dir
                        + ". Build Hearth once (./hearth or ./mvnw verify) to fetch it, or set HEARTH_NATIVES_DIR.");
            }
        }
        return libs;
    }
}
