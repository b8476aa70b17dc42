package org.hearth.assistant.model;

/**
 * A model Hearth can download.
 *
 * @param id                    stable name used in settings, e.g. {@code qwen3.5-4b-q4_k_m}
 * @param displayName           what people see, e.g. "Qwen3.5 4B Q4_K_M"
 * @param role                  chat or embedding
 * @param hubRepository         the Hugging Face repository, e.g. {@code unsloth/Qwen3.5-4B-GGUF}
 * @param fileName              the GGUF file in that repository, which is also its name in the models folder
 * @param approximateSizeBytes  the file size as published when the catalog was written; the download uses the size
 *                              and SHA-256 the hub publishes at download time, this value only feeds the fit check
 * @param parameterCount        the nominal parameter count from the model's name
 * @param quantization          how the weights are stored
 * @param shape                 layer shapes for the memory estimate
 */
public record CatalogModel(
        String id,
        String displayName,
        ModelRole role,
        String hubRepository,
        String fileName,
        long approximateSizeBytes,
        long parameterCount,
        Quantization quantization,
        ModelShape shape) {

    public CatalogModel {
        if (fileName.contains("/") || fileName.contains("\\") || !fileName.endsWith(".gguf")) {
            throw new IllegalArgumentException("catalog file names are plain .gguf names: " + fileName);
        }
        if (approximateSizeBytes <= 0 || parameterCount <= 0) {
            throw new IllegalArgumentException("sizes must be positive: " + id);
        }
    }
}
