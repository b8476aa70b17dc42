package org.hearth.assistant.llama;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_BOOLEAN;
import static java.lang.foreign.ValueLayout.JAVA_FLOAT;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.SymbolLookup;
import java.lang.invoke.MethodHandle;
import java.nio.file.Path;

/**
 * The downcall handles for the part of llama.h Hearth uses. Field names are the C names so a
 * reader can hold this next to the header; {@code size_t} is {@code JAVA_LONG} (64-bit only).
 */
final class LlamaLibrary {

    private static final Linker LINKER = Linker.nativeLinker();

    /** {@code bool (*)(float progress, void * user_data)} */
    static final FunctionDescriptor PROGRESS_CALLBACK = FunctionDescriptor.of(JAVA_BOOLEAN, JAVA_FLOAT, ADDRESS);
    /** {@code bool (*)(void * data)} */
    static final FunctionDescriptor ABORT_CALLBACK = FunctionDescriptor.of(JAVA_BOOLEAN, ADDRESS);
    /** {@code void (*)(enum ggml_log_level level, const char * text, void * user_data)} */
    static final FunctionDescriptor LOG_CALLBACK = FunctionDescriptor.ofVoid(JAVA_INT, ADDRESS, ADDRESS);

    private final SymbolLookup llama;
    private final SymbolLookup ggml;

    final MethodHandle llama_backend_init;
    final MethodHandle ggml_backend_load_all_from_path;
    final MethodHandle llama_log_set;
    final MethodHandle llama_version;
    final MethodHandle llama_print_system_info;

    final MethodHandle llama_model_default_params;
    final MethodHandle llama_context_default_params;
    final MethodHandle llama_sampler_chain_default_params;

    final MethodHandle llama_model_load_from_file;
    final MethodHandle llama_model_free;
    final MethodHandle llama_model_get_vocab;
    final MethodHandle llama_model_n_ctx_train;
    final MethodHandle llama_model_n_embd;
    final MethodHandle llama_model_n_layer;
    final MethodHandle llama_model_n_params;
    final MethodHandle llama_model_size;
    final MethodHandle llama_model_desc;
    final MethodHandle llama_model_chat_template;
    final MethodHandle llama_model_meta_val_str;

    final MethodHandle llama_vocab_n_tokens;
    final MethodHandle llama_vocab_is_eog;
    final MethodHandle llama_vocab_eos;
    final MethodHandle llama_tokenize;
    final MethodHandle llama_token_to_piece;
    final MethodHandle llama_chat_apply_template;

    final MethodHandle llama_init_from_model;
    final MethodHandle llama_free;
    final MethodHandle llama_n_ctx;
    final MethodHandle llama_n_batch;
    final MethodHandle llama_n_seq_max;
    final MethodHandle llama_get_memory;
    final MethodHandle llama_memory_clear;
    final MethodHandle llama_memory_seq_rm;
    final MethodHandle llama_memory_seq_pos_max;
    final MethodHandle llama_decode;
    final MethodHandle llama_get_logits_ith;
    final MethodHandle llama_get_embeddings_seq;
    final MethodHandle llama_pooling_type;
    final MethodHandle llama_set_abort_callback;
    final MethodHandle llama_set_n_threads;
    final MethodHandle llama_state_seq_get_size;
    final MethodHandle llama_state_seq_get_data;
    final MethodHandle llama_state_seq_set_data;

    final MethodHandle llama_sampler_chain_init;
    final MethodHandle llama_sampler_chain_add;
    final MethodHandle llama_sampler_init_greedy;
    final MethodHandle llama_sampler_init_dist;
    final MethodHandle llama_sampler_init_top_k;
    final MethodHandle llama_sampler_init_top_p;
    final MethodHandle llama_sampler_init_min_p;
    final MethodHandle llama_sampler_init_temp;
    final MethodHandle llama_sampler_init_penalties;
    final MethodHandle llama_sampler_init_grammar;
    final MethodHandle llama_sampler_sample;
    final MethodHandle llama_sampler_reset;
    final MethodHandle llama_sampler_free;

    LlamaLibrary(NativeLibraries libraries, Arena arena) {
        // ggml-base and ggml are loaded into the process first so libllama's dependencies resolve
        // to exactly these files, whatever else is on the library path.
        System.load(libraries.ggmlBase().toAbsolutePath().toString());
        System.load(libraries.ggml().toAbsolutePath().toString());
        Path ggmlPath = libraries.ggml().toAbsolutePath();
        ggml = SymbolLookup.libraryLookup(ggmlPath, arena);
        llama = SymbolLookup.libraryLookup(libraries.llama().toAbsolutePath(), arena);

        llama_backend_init = fn("llama_backend_init", FunctionDescriptor.ofVoid());
        ggml_backend_load_all_from_path = ggmlFn("ggml_backend_load_all_from_path", FunctionDescriptor.ofVoid(ADDRESS));
        llama_log_set = fn("llama_log_set", FunctionDescriptor.ofVoid(ADDRESS, ADDRESS));
        llama_version = fn("llama_version", FunctionDescriptor.of(ADDRESS));
        llama_print_system_info = fn("llama_print_system_info", FunctionDescriptor.of(ADDRESS));

        llama_model_default_params = fn("llama_model_default_params", FunctionDescriptor.of(Structs.MODEL_PARAMS));
        llama_context_default_params = fn("llama_context_default_params", FunctionDescriptor.of(Structs.CONTEXT_PARAMS));
        llama_sampler_chain_default_params = fn("llama_sampler_chain_default_params", FunctionDescriptor.of(Structs.SAMPLER_CHAIN_PARAMS));

        llama_model_load_from_file = fn("llama_model_load_from_file", FunctionDescriptor.of(ADDRESS, ADDRESS, Structs.MODEL_PARAMS));
        llama_model_free = fn("llama_model_free", FunctionDescriptor.ofVoid(ADDRESS));
        llama_model_get_vocab = fn("llama_model_get_vocab", FunctionDescriptor.of(ADDRESS, ADDRESS));
        llama_model_n_ctx_train = fn("llama_model_n_ctx_train", FunctionDescriptor.of(JAVA_INT, ADDRESS));
        llama_model_n_embd = fn("llama_model_n_embd", FunctionDescriptor.of(JAVA_INT, ADDRESS));
        llama_model_n_layer = fn("llama_model_n_layer", FunctionDescriptor.of(JAVA_INT, ADDRESS));
        llama_model_n_params = fn("llama_model_n_params", FunctionDescriptor.of(JAVA_LONG, ADDRESS));
        llama_model_size = fn("llama_model_size", FunctionDescriptor.of(JAVA_LONG, ADDRESS));
        llama_model_desc = fn("llama_model_desc", FunctionDescriptor.of(JAVA_INT, ADDRESS, ADDRESS, JAVA_LONG));
        llama_model_chat_template = fn("llama_model_chat_template", FunctionDescriptor.of(ADDRESS, ADDRESS, ADDRESS));
        llama_model_meta_val_str = fn("llama_model_meta_val_str", FunctionDescriptor.of(JAVA_INT, ADDRESS, ADDRESS, ADDRESS, JAVA_LONG));

        llama_vocab_n_tokens = fn("llama_vocab_n_tokens", FunctionDescriptor.of(JAVA_INT, ADDRESS));
        llama_vocab_is_eog = fn("llama_vocab_is_eog", FunctionDescriptor.of(JAVA_BOOLEAN, ADDRESS, JAVA_INT));
        llama_vocab_eos = fn("llama_vocab_eos", FunctionDescriptor.of(JAVA_INT, ADDRESS));
        llama_tokenize = fn("llama_tokenize", FunctionDescriptor.of(JAVA_INT,
                ADDRESS, ADDRESS, JAVA_INT, ADDRESS, JAVA_INT, JAVA_BOOLEAN, JAVA_BOOLEAN));
        llama_token_to_piece = fn("llama_token_to_piece", FunctionDescriptor.of(JAVA_INT,
                ADDRESS, JAVA_INT, ADDRESS, JAVA_INT, JAVA_INT, JAVA_BOOLEAN));
        llama_chat_apply_template = fn("llama_chat_apply_template", FunctionDescriptor.of(JAVA_INT,
                ADDRESS, ADDRESS, JAVA_LONG, JAVA_BOOLEAN, ADDRESS, JAVA_INT));

        llama_init_from_model = fn("llama_init_from_model", FunctionDescriptor.of(ADDRESS, ADDRESS, Structs.CONTEXT_PARAMS));
        llama_free = fn("llama_free", FunctionDescriptor.ofVoid(ADDRESS));
        llama_n_ctx = fn("llama_n_ctx", FunctionDescriptor.of(JAVA_INT, ADDRESS));
        llama_n_batch = fn("llama_n_batch", FunctionDescriptor.of(JAVA_INT, ADDRESS));
        llama_n_seq_max = fn("llama_n_seq_max", FunctionDescriptor.of(JAVA_INT, ADDRESS));
        llama_get_memory = fn("llama_get_memory", FunctionDescriptor.of(ADDRESS, ADDRESS));
        llama_memory_clear = fn("llama_memory_clear", FunctionDescriptor.ofVoid(ADDRESS, JAVA_BOOLEAN));
        llama_memory_seq_rm = fn("llama_memory_seq_rm", FunctionDescriptor.of(JAVA_BOOLEAN, ADDRESS, JAVA_INT, JAVA_INT, JAVA_INT));
        llama_memory_seq_pos_max = fn("llama_memory_seq_pos_max", FunctionDescriptor.of(JAVA_INT, ADDRESS, JAVA_INT));
        llama_decode = fn("llama_decode", FunctionDescriptor.of(JAVA_INT, ADDRESS, Structs.BATCH));
        llama_get_logits_ith = fn("llama_get_logits_ith", FunctionDescriptor.of(ADDRESS, ADDRESS, JAVA_INT));
        llama_get_embeddings_seq = fn("llama_get_embeddings_seq", FunctionDescriptor.of(ADDRESS, ADDRESS, JAVA_INT));
        llama_pooling_type = fn("llama_pooling_type", FunctionDescriptor.of(JAVA_INT, ADDRESS));
        llama_set_abort_callback = fn("llama_set_abort_callback", FunctionDescriptor.ofVoid(ADDRESS, ADDRESS, ADDRESS));
        llama_set_n_threads = fn("llama_set_n_threads", FunctionDescriptor.ofVoid(ADDRESS, JAVA_INT, JAVA_INT));
        llama_state_seq_get_size = fn("llama_state_seq_get_size", FunctionDescriptor.of(JAVA_LONG, ADDRESS, JAVA_INT));
        llama_state_seq_get_data = fn("llama_state_seq_get_data", FunctionDescriptor.of(JAVA_LONG, ADDRESS, ADDRESS, JAVA_LONG, JAVA_INT));
        llama_state_seq_set_data = fn("llama_state_seq_set_data", FunctionDescriptor.of(JAVA_LONG, ADDRESS, ADDRESS, JAVA_LONG, JAVA_INT));

        llama_sampler_chain_init = fn("llama_sampler_chain_init", FunctionDescriptor.of(ADDRESS, Structs.SAMPLER_CHAIN_PARAMS));
        llama_sampler_chain_add = fn("llama_sampler_chain_add", FunctionDescriptor.ofVoid(ADDRESS, ADDRESS));
        llama_sampler_init_greedy = fn("llama_sampler_init_greedy", FunctionDescriptor.of(ADDRESS));
        llama_sampler_init_dist = fn("llama_sampler_init_dist", FunctionDescriptor.of(ADDRESS, JAVA_INT));
        llama_sampler_init_top_k = fn("llama_sampler_init_top_k", FunctionDescriptor.of(ADDRESS, JAVA_INT));
        llama_sampler_init_top_p = fn("llama_sampler_init_top_p", FunctionDescriptor.of(ADDRESS, JAVA_FLOAT, JAVA_LONG));
        llama_sampler_init_min_p = fn("llama_sampler_init_min_p", FunctionDescriptor.of(ADDRESS, JAVA_FLOAT, JAVA_LONG));
        llama_sampler_init_temp = fn("llama_sampler_init_temp", FunctionDescriptor.of(ADDRESS, JAVA_FLOAT));
        llama_sampler_init_penalties = fn("llama_sampler_init_penalties", FunctionDescriptor.of(ADDRESS,
                JAVA_INT, JAVA_INT, JAVA_FLOAT, JAVA_FLOAT, JAVA_FLOAT));
        llama_sampler_init_grammar = fn("llama_sampler_init_grammar", FunctionDescriptor.of(ADDRESS, ADDRESS, ADDRESS, ADDRESS));
        llama_sampler_sample = fn("llama_sampler_sample", FunctionDescriptor.of(JAVA_INT, ADDRESS, ADDRESS, JAVA_INT));
        llama_sampler_reset = fn("llama_sampler_reset", FunctionDescriptor.ofVoid(ADDRESS));
        llama_sampler_free = fn("llama_sampler_free", FunctionDescriptor.ofVoid(ADDRESS));
    }

    private MethodHandle fn(String name, FunctionDescriptor descriptor) {
        return LINKER.downcallHandle(llama.findOrThrow(name), descriptor);
    }

    private MethodHandle ggmlFn(String name, FunctionDescriptor descriptor) {
        return LINKER.downcallHandle(ggml.findOrThrow(name), descriptor);
    }

    static Linker linker() {
        return LINKER;
    }
}
