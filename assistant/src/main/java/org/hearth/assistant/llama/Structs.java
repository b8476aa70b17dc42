package org.hearth.assistant.llama;

import static java.lang.foreign.MemoryLayout.PathElement.groupElement;
import static java.lang.foreign.MemoryLayout.paddingLayout;
import static java.lang.foreign.MemoryLayout.structLayout;
import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_BOOLEAN;
import static java.lang.foreign.ValueLayout.JAVA_FLOAT;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.StructLayout;

/**
 * The structs of llama.h (llama.cpp v0.4.0) that Hearth passes by value, transcribed by hand
 * because jextract is not available from Maven Central. Every field up to the end is listed so the
 * sizes match the C compiler's; {@code StructLayoutTest} checks sizes, offsets and the defaults.
 */
final class Structs {

    private Structs() {
    }

    /** {@code struct llama_model_params}: 80 bytes on 64-bit platforms. */
    static final StructLayout MODEL_PARAMS = structLayout(
            ADDRESS.withName("devices"),
            ADDRESS.withName("tensor_buft_overrides"),
            JAVA_INT.withName("n_gpu_layers"),
            JAVA_INT.withName("split_mode"),
            JAVA_INT.withName("load_mode"),
            JAVA_INT.withName("lazy_mode"),
            JAVA_INT.withName("main_gpu"),
            paddingLayout(4),
            ADDRESS.withName("tensor_split"),
            ADDRESS.withName("progress_callback"),
            ADDRESS.withName("progress_callback_user_data"),
            ADDRESS.withName("kv_overrides"),
            JAVA_BOOLEAN.withName("vocab_only"),
            JAVA_BOOLEAN.withName("check_tensors"),
            JAVA_BOOLEAN.withName("use_extra_bufts"),
            JAVA_BOOLEAN.withName("no_host"),
            JAVA_BOOLEAN.withName("no_alloc"),
            JAVA_BOOLEAN.withName("load_mtp"),
            paddingLayout(2)).withName("llama_model_params");

    /** {@code struct llama_context_params}: 160 bytes on 64-bit platforms. */
    static final StructLayout CONTEXT_PARAMS = structLayout(
            JAVA_INT.withName("n_ctx"),
            JAVA_INT.withName("n_batch"),
            JAVA_INT.withName("n_ubatch"),
            JAVA_INT.withName("n_seq_max"),
            JAVA_INT.withName("n_rs_seq"),
            JAVA_INT.withName("n_outputs_max"),
            JAVA_INT.withName("n_outputs_max_per_seq"),
            JAVA_INT.withName("n_threads"),
            JAVA_INT.withName("n_threads_batch"),
            JAVA_INT.withName("ctx_type"),
            JAVA_INT.withName("rope_scaling_type"),
            JAVA_INT.withName("pooling_type"),
            JAVA_INT.withName("attention_type"),
            JAVA_INT.withName("flash_attn_type"),
            JAVA_FLOAT.withName("rope_freq_base"),
            JAVA_FLOAT.withName("rope_freq_scale"),
            JAVA_FLOAT.withName("yarn_ext_factor"),
            JAVA_FLOAT.withName("yarn_attn_factor"),
            JAVA_FLOAT.withName("yarn_beta_fast"),
            JAVA_FLOAT.withName("yarn_beta_slow"),
            JAVA_INT.withName("yarn_orig_ctx"),
            JAVA_FLOAT.withName("defrag_thold"),
            ADDRESS.withName("cb_eval"),
            ADDRESS.withName("cb_eval_user_data"),
            JAVA_INT.withName("type_k"),
            JAVA_INT.withName("type_v"),
            ADDRESS.withName("abort_callback"),
            ADDRESS.withName("abort_callback_data"),
            JAVA_BOOLEAN.withName("embeddings"),
            JAVA_BOOLEAN.withName("offload_kqv"),
            JAVA_BOOLEAN.withName("no_perf"),
            JAVA_BOOLEAN.withName("op_offload"),
            JAVA_BOOLEAN.withName("swa_full"),
            JAVA_BOOLEAN.withName("kv_unified"),
            paddingLayout(2),
            ADDRESS.withName("samplers"),
            JAVA_LONG.withName("n_samplers"),
            ADDRESS.withName("ctx_other")).withName("llama_context_params");

    /** {@code struct llama_batch}: the arrays it points to are owned by {@link Batch}. */
    static final StructLayout BATCH = structLayout(
            JAVA_INT.withName("n_tokens"),
            paddingLayout(4),
            ADDRESS.withName("token"),
            ADDRESS.withName("embd"),
            ADDRESS.withName("pos"),
            ADDRESS.withName("n_seq_id"),
            ADDRESS.withName("seq_id"),
            ADDRESS.withName("logits")).withName("llama_batch");

    /** {@code struct llama_chat_message}: two C strings. */
    static final StructLayout CHAT_MESSAGE = structLayout(
            ADDRESS.withName("role"),
            ADDRESS.withName("content")).withName("llama_chat_message");

    /** {@code struct llama_sampler_chain_params}: a single bool. */
    static final StructLayout SAMPLER_CHAIN_PARAMS = structLayout(
            JAVA_BOOLEAN.withName("no_perf")).withName("llama_sampler_chain_params");

    static long offset(StructLayout layout, String name) {
        return layout.byteOffset(groupElement(name));
    }

    static int getInt(MemorySegment struct, StructLayout layout, String name) {
        return struct.get(JAVA_INT, offset(layout, name));
    }

    static void setInt(MemorySegment struct, StructLayout layout, String name, int value) {
        struct.set(JAVA_INT, offset(layout, name), value);
    }

    static float getFloat(MemorySegment struct, StructLayout layout, String name) {
        return struct.get(JAVA_FLOAT, offset(layout, name));
    }

    static boolean getBoolean(MemorySegment struct, StructLayout layout, String name) {
        return struct.get(JAVA_BOOLEAN, offset(layout, name));
    }

    static void setBoolean(MemorySegment struct, StructLayout layout, String name, boolean value) {
        struct.set(JAVA_BOOLEAN, offset(layout, name), value);
    }

    static void setAddress(MemorySegment struct, StructLayout layout, String name, MemorySegment value) {
        struct.set(ADDRESS, offset(layout, name), value);
    }
}
