package org.hearth.assistant.gguf;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * What a GGUF file says about its model, read from the header alone.
 *
 * @param fileTypeName   quantisation as llama.cpp names it, e.g. "Q8_0" or "Q4_K_M"; from
 *                       general.file_type, else the type holding most of the weight bytes
 * @param contextLength  trained context length in tokens, 0 if the file does not say
 * @param embeddingLength width of the hidden state, 0 if the file does not say
 * @param blockCount     number of layers, 0 if the file does not say
 * @param vocabularySize number of tokens in the tokenizer vocabulary, 0 without one
 * @param metadata       every key: integers as Long (u64 as its raw bits), floats as Double,
 *                       bools as Boolean, strings as String, arrays as {@link GgufArray}
 */
public record GgufInfo(
        Path file,
        int version,
        String architecture,
        long parameterCount,
        String fileTypeName,
        long contextLength,
        long embeddingLength,
        long blockCount,
        long vocabularySize,
        Optional<String> chatTemplate,
        Map<String, Object> metadata,
        List<GgufTensorInfo> tensors) {

    public GgufInfo {
        metadata = Map.copyOf(metadata);
        tensors = List.copyOf(tensors);
    }

    public Optional<Object> value(String key) {
        return Optional.ofNullable(metadata.get(key));
    }

    public Optional<String> string(String key) {
        return metadata.get(key) instanceof String s ? Optional.of(s) : Optional.empty();
    }

    public OptionalLong integer(String key) {
        return metadata.get(key) instanceof Long l ? OptionalLong.of(l) : OptionalLong.empty();
    }

    public Optional<GgufArray> array(String key) {
        return metadata.get(key) instanceof GgufArray a ? Optional.of(a) : Optional.empty();
    }

    /** A key of this model's architecture, e.g. {@code archKey("context_length")} → "qwen35.context_length". */
    public String archKey(String suffix) {
        return architecture + "." + suffix;
    }
}
