package org.hearth.assistant.gguf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.file.Path;
import org.hearth.fixtures.gguf.BadGgufFiles;
import org.hearth.fixtures.gguf.GgufModel;
import org.hearth.fixtures.gguf.GgufWriter;
import org.hearth.fixtures.gguf.Qwen35Spec;
import org.hearth.fixtures.gguf.TestModels;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GgufValidatorTest {

    @TempDir
    Path dir;

    private static GgufException failure(Path file) {
        return catchThrowableOfType(GgufException.class, () -> GgufValidator.check(file));
    }

    @Test
    void theGeneratedModelsAreRunnableInTheirRoles() throws GgufException {
        assertThat(GgufValidator.check(TestModels.tinyQwen35(dir))).isEqualTo(GgufValidator.Role.CHAT);
        assertThat(GgufValidator.check(TestModels.tinyEmbedding(dir))).isEqualTo(GgufValidator.Role.EMBEDDING);
    }

    @Test
    void anUnknownArchitectureIsReadableButNotRunnable() throws Exception {
        Path file = BadGgufFiles.unknownArchitecture(dir);

        assertThat(GgufReader.read(file).architecture()).isEqualTo("hearth-unknown-arch");
        GgufException e = failure(file);
        assertThat(e.kind()).isEqualTo(GgufException.Kind.UNKNOWN_ARCHITECTURE);
        assertThat(e.getMessage()).contains("\"unknown-architecture.gguf\"", "\"hearth-unknown-arch\"", "qwen35");
    }

    @Test
    void aModelWithoutTokenizerKeysIsRefused() throws Exception {
        Path file = BadGgufFiles.withoutVocabulary(dir);

        assertThat(GgufReader.read(file).vocabularySize()).isZero();
        GgufException e = failure(file);
        assertThat(e.kind()).isEqualTo(GgufException.Kind.NO_VOCABULARY);
        assertThat(e.getMessage()).contains("\"no-vocabulary.gguf\"", "vocabulary");
    }

    @Test
    void aModelDeclaringNoVocabIsRefused() throws Exception {
        Path file = BadGgufFiles.declaringNoVocabulary(dir);

        GgufException e = failure(file);

        assertThat(e.kind()).isEqualTo(GgufException.Kind.NO_VOCABULARY);
        assertThat(e.getMessage()).contains("\"declares-no-vocabulary.gguf\"");
    }

    @Test
    void aNoVocabDeclarationWinsOverATokenList() throws Exception {
        GgufModel tiny = Qwen35Spec.tiny().toModel();
        Path file = dir.resolve("no-vocab.gguf");
        GgufWriter.write(tiny.withMetadata(tiny.metadata().copy().putString("tokenizer.ggml.model", "no_vocab")), 1, file);

        assertThat(failure(file).kind()).isEqualTo(GgufException.Kind.NO_VOCABULARY);
    }

    @Test
    void formatErrorsPassThrough() throws Exception {
        Path file = BadGgufFiles.truncatedCopy(TestModels.tinyEmbedding(dir), dir.resolve("cut.gguf"), 100);

        assertThat(failure(file).kind()).isEqualTo(GgufException.Kind.TRUNCATED);
    }
}
