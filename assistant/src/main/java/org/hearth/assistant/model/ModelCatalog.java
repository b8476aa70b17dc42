package org.hearth.assistant.model;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The models Hearth offers for download: Qwen3.5 0.8B, 2B, 4B and 9B as GGUF in Q4_K_M and Q8_0 from Unsloth's
 * repositories, and Qwen3-Embedding-0.6B from Qwen's own GGUF repository for search.
 *
 * <p>No checksums live here: a download is verified against the SHA-256 the hub publishes for the file at download
 * time (see {@link HuggingFaceHub}). The sizes are what the fit check works with before anything is downloaded.
 *
 * <p>Sources, as of writing (re-check when the catalog changes):
 * <ul>
 *   <li>Repository and file names {@code unsloth/Qwen3.5-<size>-GGUF} / {@code Qwen3.5-<size>-<quant>.gguf}: used
 *       verbatim by several public projects that download them (e.g. hf_hub downloads of
 *       {@code unsloth/Qwen3.5-4B-GGUF Qwen3.5-4B-Q4_K_M.gguf} and {@code unsloth/Qwen3.5-9B-GGUF Qwen3.5-9B-Q8_0.gguf}).
 *       {@code Qwen/Qwen3-Embedding-0.6B-GGUF} / {@code Qwen3-Embedding-0.6B-Q8_0.gguf} likewise.</li>
 *   <li>Layer shapes: the Qwen3.5 model cards (9B: 32 layers laid out as 8 × (3 DeltaNet + 1 gated attention),
 *       attention 16 Q / 4 KV heads of dimension 256, DeltaNet 32 V / 16 QK heads of dimension 128, 262,144 tokens
 *       trained context; 4B: the same layout at hidden size 2560; 0.8B and 2B: 24 layers, 6 of them attention,
 *       8 Q / 2 KV heads of dimension 256). Qwen3-Embedding-0.6B: Qwen3-0.6B's config (28 layers, 8 KV heads of
 *       dimension 128) and its card (32K context).</li>
 * </ul>
 * Values marked UNCONFIRMED below could not be checked against the hub's own listing and are estimates.
 */
public final class ModelCatalog {

    private static final int QWEN35_TRAINED_CONTEXT = 262_144;

    /**
     * Qwen3.5 0.8B and 2B: 24 layers, every fourth is attention with 2 KV heads of 256. UNCONFIRMED: 16 DeltaNet
     * value heads for these two sizes (the cards found state 32 for the larger sizes); it moves the estimate by 18 MB.
     */
    private static final ModelShape QWEN35_SMALL = new ModelShape(24, 6, 2, 256, QWEN35_TRAINED_CONTEXT, 16, 128);

    /** Qwen3.5 4B and 9B: 32 layers, every fourth is attention with 4 KV heads of 256; DeltaNet 32 V heads of 128. */
    private static final ModelShape QWEN35_LARGE = new ModelShape(32, 8, 4, 256, QWEN35_TRAINED_CONTEXT, 32, 128);

    private static final List<CatalogModel> MODELS = List.of(
            // ~528 MB: the size a public catalog records for the lmstudio-community build of the same quantization;
            // UNCONFIRMED for Unsloth's file.
            qwen35("0.8B", Quantization.Q4_K_M, 528_000_000L, 800_000_000L, QWEN35_SMALL),
            // UNCONFIRMED estimate: ~757M quantized weights (from a published 470 MB Q3_K_M at 4.96 bits per weight)
            // at Q8_0's 8.5 bits. The same estimate gives the 4B and 9B Q8_0 sizes below to within 0.3 %.
            qwen35("0.8B", Quantization.Q8_0, 805_000_000L, 800_000_000L, QWEN35_SMALL),
            // ~1.27 GB: public catalog entry for the lmstudio-community build; UNCONFIRMED for Unsloth's file.
            qwen35("2B", Quantization.Q4_K_M, 1_270_000_000L, 2_000_000_000L, QWEN35_SMALL),
            // UNCONFIRMED estimate as for 0.8B Q8_0 (~1.89G quantized weights).
            qwen35("2B", Quantization.Q8_0, 2_006_000_000L, 2_000_000_000L, QWEN35_SMALL),
            // 2.63 GB as listed for the Unsloth file in a public setup guide (other builds: 2.61–2.71 GB).
            qwen35("4B", Quantization.Q4_K_M, 2_630_000_000L, 4_000_000_000L, QWEN35_LARGE),
            // 4,482,403,424 bytes is the LFS size of a published llama.cpp Q8_0 of Qwen3.5-4B; Q8_0 has no per-tensor
            // choices, so Unsloth's file should match closely. UNCONFIRMED for Unsloth's file itself.
            qwen35("4B", Quantization.Q8_0, 4_482_403_424L, 4_000_000_000L, QWEN35_LARGE),
            // 5.68 GB as listed for the Unsloth file in a public setup guide.
            qwen35("9B", Quantization.Q4_K_M, 5_680_000_000L, 9_000_000_000L, QWEN35_LARGE),
            // 9,527,501,312 bytes is the LFS size of a published Q8_0 of Qwen3.5-9B made with Unsloth's tools.
            // UNCONFIRMED for Unsloth's repository file itself.
            qwen35("9B", Quantization.Q8_0, 9_527_501_312L, 9_000_000_000L, QWEN35_LARGE),
            // UNCONFIRMED estimate: 595,776,512 parameters (model card) at Q8_0's 8.5 bits plus tokenizer metadata.
            new CatalogModel("qwen3-embedding-0.6b-q8_0", "Qwen3 Embedding 0.6B Q8_0", ModelRole.EMBEDDING,
                    "Qwen/Qwen3-Embedding-0.6B-GGUF", "Qwen3-Embedding-0.6B-Q8_0.gguf",
                    639_000_000L, 595_776_512L, Quantization.Q8_0, ModelShape.transformer(28, 8, 128, 32_768)));

    private ModelCatalog() {
    }

    /** Every downloadable model, chat models smallest first, then the embedding model. */
    public static List<CatalogModel> all() {
        return MODELS;
    }

    /** The chat models, smallest file first, which is also roughly worst answers first. */
    public static List<CatalogModel> chatModels() {
        return MODELS.stream()
                .filter(model -> model.role() == ModelRole.CHAT)
                .sorted(Comparator.comparingLong(CatalogModel::approximateSizeBytes))
                .toList();
    }

    /** The multilingual embedding model used for search. */
    public static CatalogModel embeddingModel() {
        return MODELS.stream().filter(model -> model.role() == ModelRole.EMBEDDING).findFirst().orElseThrow();
    }

    /** The model with this id, e.g. {@code qwen3.5-4b-q4_k_m}. */
    public static Optional<CatalogModel> find(String id) {
        return MODELS.stream().filter(model -> model.id().equals(id)).findFirst();
    }

    private static CatalogModel qwen35(String size, Quantization quantization, long sizeBytes, long parameters, ModelShape shape) {
        String id = "qwen3.5-" + size.toLowerCase(Locale.ROOT) + "-" + quantization.label().toLowerCase(Locale.ROOT);
        return new CatalogModel(id, "Qwen3.5 " + size + " " + quantization.label(), ModelRole.CHAT,
                "unsloth/Qwen3.5-" + size + "-GGUF", "Qwen3.5-" + size + "-" + quantization.label() + ".gguf",
                sizeBytes, parameters, quantization, shape);
    }
}
