package org.hearth.assistant.gguf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.hearth.fixtures.gguf.BadGgufFiles;
import org.hearth.fixtures.gguf.GgufModel;
import org.hearth.fixtures.gguf.GgufWriter;
import org.hearth.fixtures.gguf.Qwen35Spec;
import org.hearth.fixtures.gguf.TensorSpec;
import org.hearth.fixtures.gguf.TensorType;
import org.hearth.fixtures.gguf.TestModels;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class GgufReaderTest {

    @TempDir
    Path dir;

    private static GgufException failure(Path file) {
        return catchThrowableOfType(GgufException.class, () -> GgufReader.read(file));
    }

    private Path write(String name, byte[] bytes) throws IOException {
        return Files.write(dir.resolve(name), bytes);
    }

    @Test
    void readsTheFactsOfTheTinyChatModel() throws GgufException {
        GgufInfo info = GgufReader.read(TestModels.tinyQwen35(dir));
        GgufModel written = Qwen35Spec.tiny().toModel();

        assertThat(info.version()).isEqualTo(3);
        assertThat(info.architecture()).isEqualTo("qwen35");
        assertThat(info.contextLength()).isEqualTo(4096);
        assertThat(info.embeddingLength()).isEqualTo(256);
        assertThat(info.blockCount()).isEqualTo(2);
        assertThat(info.vocabularySize()).isEqualTo(259);
        assertThat(info.fileTypeName()).isEqualTo("F16");
        assertThat(info.parameterCount()).isEqualTo(written.parameterCount());
        assertThat(info.tensors()).extracting(GgufTensorInfo::name)
                .containsExactlyElementsOf(written.tensors().stream().map(TensorSpec::name).toList());
        assertThat(info.chatTemplate()).hasValueSatisfying(t -> assertThat(t).contains("<|im_start|>", "add_generation_prompt"));
        assertThat(info.string("tokenizer.ggml.pre")).hasValue("qwen35");
        assertThat(info.integer(info.archKey("ssm.state_size"))).hasValue(64);
        assertThat(info.value(info.archKey("attention.layer_norm_rms_epsilon")))
                .hasValueSatisfying(eps -> assertThat((Double) eps).isCloseTo(1e-6, org.assertj.core.data.Offset.offset(1e-12)));
        assertThat(info.array("tokenizer.ggml.tokens")).hasValueSatisfying(tokens -> {
            assertThat(tokens.elementType()).isEqualTo(GgufValueType.STRING);
            assertThat(tokens.length()).isEqualTo(259);
        });
    }

    @Test
    void readsALargerQ8ModelWithoutFileTypeKeyFromItsDominantTensorType() throws Exception {
        // Four layers, three recurrent then one attention, like the real models; 1000 tokens.
        Qwen35Spec spec = new Qwen35Spec("small", 32_768, 128, 384, List.of(true, true, true, false),
                2, 1, 64, 16, List.of(3, 3, 2, 0), 1e6f, 1e-6f, 2, 2, 32, 4, 1000, 500, true, TensorType.Q8_0);
        GgufModel model = spec.toModel();
        Path file = dir.resolve("small.gguf");
        GgufWriter.write(model.withMetadata(model.metadata().copy().remove("general.file_type")), 1, file);

        GgufInfo info = GgufReader.read(file);

        long recurrent = 128L * (2 * 64 + 64) + 128L * 64 + 32 + 2 + 2 + 4L * 192 + 2 * 128L * 2 + 64L * 128;
        long attention = 2 * 64 + 128L * 256 + 2 * 128L * 64 + 128L * 128;
        long common = 2 * 128 + 3 * 128L * 384;
        assertThat(info.parameterCount()).isEqualTo(1000L * 128 + 128 + 3 * recurrent + attention + 4 * common);
        assertThat(info.fileTypeName()).isEqualTo("Q8_0");
        assertThat(info.contextLength()).isEqualTo(32_768);
        assertThat(info.blockCount()).isEqualTo(4);
        assertThat(info.vocabularySize()).isEqualTo(1000);
        assertThat(info.array("qwen35.attention.recurrent_layers")).hasValueSatisfying(layers -> {
            assertThat(layers.valuesKept()).isTrue();
            assertThat(layers.values()).containsExactly(true, true, true, false);
        });
        assertThat(info.tensors()).filteredOn(t -> t.name().equals("blk.3.attn_q.weight")).singleElement()
                .satisfies(t -> {
                    assertThat(t.shape()).containsExactly(128L, 256L);
                    assertThat(t.typeName()).isEqualTo("Q8_0");
                    assertThat(t.byteSize()).isEqualTo(128L * 256 / 32 * 34);
                });
    }

    @Test
    void aRandomFileIsNotGguf() throws IOException {
        byte[] noise = new byte[4096];
        new Random(5).nextBytes(noise);
        noise[0] = 'X';
        Path file = write("scan.pdf", noise);

        GgufException e = failure(file);

        assertThat(e.kind()).isEqualTo(GgufException.Kind.NOT_GGUF);
        assertThat(e.getMessage()).contains("\"scan.pdf\"").contains("not a GGUF");
    }

    @Test
    void anEmptyFileIsNotGguf() throws IOException {
        assertThat(failure(write("empty.gguf", new byte[0])).kind()).isEqualTo(GgufException.Kind.NOT_GGUF);
    }

    @Test
    void aMissingFileIsUnreadable() {
        GgufException e = failure(dir.resolve("gone.gguf"));

        assertThat(e.kind()).isEqualTo(GgufException.Kind.UNREADABLE);
        assertThat(e.getMessage()).contains("\"gone.gguf\"");
    }

    /** Cut points: inside the counts, the first key, the token list, the chat template, the weights, the last byte. */
    @ParameterizedTest
    @ValueSource(doubles = {0.000004, 0.00001, 0.001, 0.003, 0.5, 0.99999})
    void aTruncatedFileIsReportedAsIncomplete(double fraction) throws IOException {
        Path whole = TestModels.tinyQwen35(dir);
        long cut = Math.max(5, (long) (Files.size(whole) * fraction));
        Path file = BadGgufFiles.truncatedCopy(whole, dir.resolve("partial.gguf"), cut);

        GgufException e = failure(file);

        assertThat(e.kind()).as("cut at %d", cut).isEqualTo(GgufException.Kind.TRUNCATED);
        assertThat(e.getMessage()).contains("\"partial.gguf\"", "incomplete", "download");
    }

    @Test
    void aFileOfOnlyTheLastByteTooShortIsTruncated() throws IOException {
        Path whole = TestModels.tinyQwen35(dir);
        Path file = BadGgufFiles.truncatedCopy(whole, dir.resolve("almost.gguf"), Files.size(whole) - 1);

        assertThat(failure(file).kind()).isEqualTo(GgufException.Kind.TRUNCATED);
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 4, 0x03000000})
    void otherVersionsAreUnsupported(int version) throws IOException {
        byte[] bytes = Files.readAllBytes(TestModels.tinyQwen35(dir));
        System.arraycopy(new RawGguf().u32(version).toBytes(), 0, bytes, 4, 4);
        Path file = write("old.gguf", bytes);

        GgufException e = failure(file);

        assertThat(e.kind()).isEqualTo(GgufException.Kind.UNSUPPORTED_VERSION);
        assertThat(e.getMessage()).contains("\"old.gguf\"");
        if (version == 0x03000000) {
            assertThat(e.getMessage()).contains("big-endian");
        } else {
            assertThat(e.getMessage()).contains("version " + version);
        }
    }

    @Test
    void aHugeDeclaredStringLengthIsCorruptNotAnAllocation() throws IOException {
        Path file = write("huge-string.gguf", RawGguf.header(0, 1).u64(Long.MAX_VALUE / 2).bytes(new byte[64]).toBytes());

        GgufException e = failure(file);

        assertThat(e.kind()).isEqualTo(GgufException.Kind.CORRUPT);
        assertThat(e.getMessage()).contains("\"huge-string.gguf\"", "damaged");
    }

    @Test
    void aHugeDeclaredValueStringIsCorrupt() throws IOException {
        Path file = write("huge-value.gguf",
                RawGguf.header(0, 1).string("general.name").u32(8).u64(1L << 40).toBytes());

        assertThat(failure(file).kind()).isEqualTo(GgufException.Kind.CORRUPT);
    }

    @Test
    void absurdCountsAreCorrupt() throws IOException {
        Path keys = write("keys.gguf", RawGguf.header(0, 1L << 40).toBytes());
        Path tensors = write("tensors.gguf", RawGguf.header(-1, 0).toBytes());
        Path array = write("array.gguf", RawGguf.header(0, 1).string("a").u32(9).u32(4).u64(1L << 50).toBytes());

        assertThat(failure(keys).kind()).isEqualTo(GgufException.Kind.CORRUPT);
        assertThat(failure(tensors).kind()).isEqualTo(GgufException.Kind.CORRUPT);
        assertThat(failure(array).kind()).isEqualTo(GgufException.Kind.CORRUPT);
    }

    @Test
    void unknownTypesAndDuplicatesAreCorrupt() throws IOException {
        Path valueType = write("value-type.gguf", RawGguf.header(0, 1).string("k").u32(99).u32(0).toBytes());
        Path nested = write("nested.gguf", RawGguf.header(0, 1).string("k").u32(9).u32(9).u64(1).toBytes());
        Path duplicate = write("duplicate.gguf", RawGguf.header(0, 2)
                .stringEntry("general.architecture", "qwen35").stringEntry("general.architecture", "qwen3").toBytes());
        Path tensorType = write("tensor-type.gguf", RawGguf.header(1, 1).stringEntry("general.architecture", "qwen35")
                .string("t").u32(1).u64(32).u32(77).u64(0).bytes(new byte[256]).toBytes());

        assertThat(failure(valueType).getMessage()).contains("unknown value type 99");
        assertThat(failure(nested).kind()).isEqualTo(GgufException.Kind.CORRUPT);
        assertThat(failure(duplicate).getMessage()).contains("appears twice");
        assertThat(failure(tensorType).getMessage()).contains("\"t\"", "unknown type 77");
    }

    @Test
    void aTensorOutsideTheFileMakesItTruncatedAndAMisalignedOneCorrupt() throws IOException {
        Path outside = write("outside.gguf", RawGguf.header(1, 1).stringEntry("general.architecture", "qwen35")
                .string("t").u32(2).u64(1024).u64(1024).u32(0).u64(0).bytes(new byte[64]).toBytes());
        Path misaligned = write("misaligned.gguf", RawGguf.header(1, 1).stringEntry("general.architecture", "qwen35")
                .string("t").u32(1).u64(8).u32(0).u64(3).bytes(new byte[64]).toBytes());

        GgufException truncated = failure(outside);
        assertThat(truncated.kind()).isEqualTo(GgufException.Kind.TRUNCATED);
        // a 111-byte header padded to 128, then 1024 x 1024 f32
        assertThat(truncated.getMessage()).contains("need 4,194,432 bytes", "only 175");
        assertThat(failure(misaligned).kind()).isEqualTo(GgufException.Kind.CORRUPT);
    }

    @Test
    void aFileWithoutArchitectureIsCorrupt() throws IOException {
        Path file = write("anonymous.gguf", RawGguf.header(0, 1).stringEntry("general.name", "x").toBytes());

        GgufException e = failure(file);

        assertThat(e.kind()).isEqualTo(GgufException.Kind.CORRUPT);
        assertThat(e.getMessage()).contains("architecture");
    }

    @Test
    void messagesSpeakToUsersNotDevelopers() throws IOException {
        List<Path> files = List.of(
                write("a.gguf", new byte[] {1, 2, 3, 4, 5}),
                write("b.gguf", RawGguf.header(0, 1).u64(1L << 62).toBytes()),
                BadGgufFiles.truncatedCopy(TestModels.tinyQwen35(dir), dir.resolve("c.gguf"), 3000));
        for (Path file : files) {
            assertThat(failure(file).getMessage())
                    .contains("\"" + file.getFileName() + "\"")
                    .doesNotContain("Exception", "java.", "null", "\n");
        }
    }
}
