package org.hearth.assistant.llama;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.SegmentAllocator;
import org.junit.jupiter.api.Test;

/**
 * The hand-written struct layouts against llama.h v0.4.0. Expected sizes and offsets were printed
 * by a C program compiled against that header (sizeof/offsetof on x86-64 and arm64 alike); the
 * defaults are those llama.cpp's own default functions return.
 */
class StructLayoutTest {

    private final LlamaLibrary lib = LlamaRuntime.get().library();

    @Test
    void sizesMatchTheCCompiler() {
        assertThat(Structs.MODEL_PARAMS.byteSize()).isEqualTo(80);
        assertThat(Structs.CONTEXT_PARAMS.byteSize()).isEqualTo(160);
        assertThat(Structs.BATCH.byteSize()).isEqualTo(56);
        assertThat(Structs.CHAT_MESSAGE.byteSize()).isEqualTo(16);
        assertThat(Structs.SAMPLER_CHAIN_PARAMS.byteSize()).isEqualTo(1);
    }

    @Test
    void offsetsOfTheFieldsWeWriteMatchTheCCompiler() {
        assertThat(Structs.offset(Structs.MODEL_PARAMS, "n_gpu_layers")).isEqualTo(16);
        assertThat(Structs.offset(Structs.MODEL_PARAMS, "tensor_split")).isEqualTo(40);
        assertThat(Structs.offset(Structs.MODEL_PARAMS, "progress_callback")).isEqualTo(48);
        assertThat(Structs.offset(Structs.MODEL_PARAMS, "vocab_only")).isEqualTo(72);
        assertThat(Structs.offset(Structs.MODEL_PARAMS, "load_mtp")).isEqualTo(77);
        assertThat(Structs.offset(Structs.CONTEXT_PARAMS, "n_threads_batch")).isEqualTo(32);
        assertThat(Structs.offset(Structs.CONTEXT_PARAMS, "rope_freq_base")).isEqualTo(56);
        assertThat(Structs.offset(Structs.CONTEXT_PARAMS, "cb_eval")).isEqualTo(88);
        assertThat(Structs.offset(Structs.CONTEXT_PARAMS, "type_k")).isEqualTo(104);
        assertThat(Structs.offset(Structs.CONTEXT_PARAMS, "abort_callback")).isEqualTo(112);
        assertThat(Structs.offset(Structs.CONTEXT_PARAMS, "embeddings")).isEqualTo(128);
        assertThat(Structs.offset(Structs.CONTEXT_PARAMS, "kv_unified")).isEqualTo(133);
        assertThat(Structs.offset(Structs.CONTEXT_PARAMS, "samplers")).isEqualTo(136);
        assertThat(Structs.offset(Structs.CONTEXT_PARAMS, "ctx_other")).isEqualTo(152);
        assertThat(Structs.offset(Structs.BATCH, "token")).isEqualTo(8);
        assertThat(Structs.offset(Structs.BATCH, "logits")).isEqualTo(48);
    }

    @Test
    void modelDefaultsReadBackAsLlamaCppSetsThem() throws Throwable {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment params = (MemorySegment) lib.llama_model_default_params.invokeExact((SegmentAllocator) arena);
            assertThat(Structs.getInt(params, Structs.MODEL_PARAMS, "n_gpu_layers")).isEqualTo(-1);
            assertThat(Structs.getInt(params, Structs.MODEL_PARAMS, "split_mode")).isEqualTo(1);
            assertThat(Structs.getInt(params, Structs.MODEL_PARAMS, "load_mode")).isEqualTo(-1);
            assertThat(Structs.getInt(params, Structs.MODEL_PARAMS, "lazy_mode")).isEqualTo(1);
            assertThat(Structs.getBoolean(params, Structs.MODEL_PARAMS, "vocab_only")).isFalse();
            assertThat(Structs.getBoolean(params, Structs.MODEL_PARAMS, "use_extra_bufts")).isTrue();
            assertThat(Structs.getBoolean(params, Structs.MODEL_PARAMS, "load_mtp")).isFalse();
        }
    }

    @Test
    void contextDefaultsReadBackAsLlamaCppSetsThem() throws Throwable {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment params = (MemorySegment) lib.llama_context_default_params.invokeExact((SegmentAllocator) arena);
            assertThat(Structs.getInt(params, Structs.CONTEXT_PARAMS, "n_ctx")).isEqualTo(512);
            assertThat(Structs.getInt(params, Structs.CONTEXT_PARAMS, "n_batch")).isEqualTo(2048);
            assertThat(Structs.getInt(params, Structs.CONTEXT_PARAMS, "n_ubatch")).isEqualTo(512);
            assertThat(Structs.getInt(params, Structs.CONTEXT_PARAMS, "n_seq_max")).isEqualTo(1);
            assertThat(Structs.getInt(params, Structs.CONTEXT_PARAMS, "n_outputs_max_per_seq")).isEqualTo(1);
            assertThat(Structs.getInt(params, Structs.CONTEXT_PARAMS, "pooling_type")).isEqualTo(-1);
            assertThat(Structs.getInt(params, Structs.CONTEXT_PARAMS, "flash_attn_type")).isEqualTo(-1);
            assertThat(Structs.getFloat(params, Structs.CONTEXT_PARAMS, "yarn_ext_factor")).isEqualTo(-1.0f);
            assertThat(Structs.getFloat(params, Structs.CONTEXT_PARAMS, "defrag_thold")).isEqualTo(-1.0f);
            assertThat(Structs.getInt(params, Structs.CONTEXT_PARAMS, "type_k")).isEqualTo(1);
            assertThat(Structs.getBoolean(params, Structs.CONTEXT_PARAMS, "embeddings")).isFalse();
            assertThat(Structs.getBoolean(params, Structs.CONTEXT_PARAMS, "offload_kqv")).isTrue();
            assertThat(Structs.getBoolean(params, Structs.CONTEXT_PARAMS, "swa_full")).isTrue();
            assertThat(Structs.getBoolean(params, Structs.CONTEXT_PARAMS, "kv_unified")).isFalse();
        }
    }
}
