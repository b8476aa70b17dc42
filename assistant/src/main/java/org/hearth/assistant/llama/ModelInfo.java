package org.hearth.assistant.llama;

import java.util.Optional;

/** What llama.cpp reports about a loaded model. */
public record ModelInfo(
        String description,
        int trainedContextLength,
        int embeddingLength,
        int layerCount,
        int vocabularySize,
        long parameterCount,
        long sizeBytes,
        Optional<String> chatTemplate) {
}
