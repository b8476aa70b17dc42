package org.hearth.assistant.model;

import org.junit.jupiter.api.Test;

import java.util.Comparator;

import static org.assertj.core.api.Assertions.assertThat;

class ModelCatalogTest {

    @Test
    void offersFourQwen35SizesInTwoQuantizationsAndOneEmbeddingModel() {
        assertThat(ModelCatalog.chatModels()).extracting(CatalogModel::id).containsExactlyInAnyOrder(
                "qwen3.5-0.8b-q4_k_m", "qwen3.5-0.8b-q8_0", "qwen3.5-2b-q4_k_m", "qwen3.5-2b-q8_0",
                "qwen3.5-4b-q4_k_m", "qwen3.5-4b-q8_0", "qwen3.5-9b-q4_k_m", "qwen3.5-9b-q8_0");
        assertThat(ModelCatalog.embeddingModel().hubRepository()).isEqualTo("Qwen/Qwen3-Embedding-0.6B-GGUF");
        assertThat(ModelCatalog.all()).extracting(CatalogModel::id).doesNotHaveDuplicates();
    }

    @Test
    void fileNamesFollowTheHubRepositoriesNaming() {
        CatalogModel model = ModelCatalog.find("qwen3.5-4b-q4_k_m").orElseThrow();

        assertThat(model.hubRepository()).isEqualTo("unsloth/Qwen3.5-4B-GGUF");
        assertThat(model.fileName()).isEqualTo("Qwen3.5-4B-Q4_K_M.gguf");
        assertThat(model.displayName()).isEqualTo("Qwen3.5 4B Q4_K_M");
        assertThat(ModelCatalog.chatModels()).allSatisfy(chat ->
                assertThat(chat.fileName()).contains(chat.quantization().label()).endsWith(".gguf"));
    }

    @Test
    void chatModelsComeSmallestFirstAndQwen35KeepsAKeyValueCacheInEveryFourthLayerOnly() {
        assertThat(ModelCatalog.chatModels()).isSortedAccordingTo(Comparator.comparingLong(CatalogModel::approximateSizeBytes));
        assertThat(ModelCatalog.chatModels()).allSatisfy(chat ->
                assertThat(chat.shape().attentionLayers() * 4).isEqualTo(chat.shape().layers()));
        assertThat(ModelCatalog.find("no-such-model")).isEmpty();
    }
}
