package org.hearth.assistant.llama;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.file.Files;
import java.nio.file.Path;
import org.hearth.assistant.gguf.GgufException.Kind;
import org.hearth.fixtures.gguf.BadGgufFiles;
import org.hearth.fixtures.gguf.TestModels;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Files that would make llama.cpp fail or abort are refused in Java first. Each test runs in the
 * same JVM as the next: a native abort would end the whole test run, which is the failure mode.
 */
class InvalidModelFileTest {

    @TempDir
    Path dir;

    private InvalidModelFileException loading(Path file) {
        return catchThrowableOfType(InvalidModelFileException.class, () -> LlamaRuntime.get().loadModel(file));
    }

    @Test
    void aFileThatIsNotGguf() throws Exception {
        Path pdf = Files.write(dir.resolve("scan.gguf"), "%PDF-1.7 not a model".getBytes());
        assertThat(loading(pdf).kind()).isEqualTo(Kind.NOT_GGUF);
    }

    @Test
    void aTruncatedDownload() throws Exception {
        Path model = TestModels.tinyQwen35(dir);
        Path cut = BadGgufFiles.truncatedCopy(model, dir.resolve("cut.gguf"), Files.size(model) - 1000);
        assertThat(loading(cut).kind()).isEqualTo(Kind.TRUNCATED);
    }

    @Test
    void anArchitectureTheRuntimeCannotRun() throws Exception {
        assertThat(loading(BadGgufFiles.unknownArchitecture(dir)).kind()).isEqualTo(Kind.UNKNOWN_ARCHITECTURE);
    }

    @Test
    void aModelDeclaringNoVocabularyWhichWouldAbortOnTheFirstTokenizerCall() throws Exception {
        InvalidModelFileException refused = loading(BadGgufFiles.declaringNoVocabulary(dir));
        assertThat(refused.kind()).isEqualTo(Kind.NO_VOCABULARY);
        assertThat(refused).hasMessageContaining("vocabulary");
    }

    @Test
    void aModelWithoutTokenizerKeys() throws Exception {
        assertThat(loading(BadGgufFiles.withoutVocabulary(dir)).kind()).isEqualTo(Kind.NO_VOCABULARY);
    }
}
