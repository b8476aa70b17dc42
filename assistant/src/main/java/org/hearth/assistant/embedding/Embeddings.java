package org.hearth.assistant.embedding;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.OptionalInt;
import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;
import org.hearth.assistant.llama.Batch;
import org.hearth.assistant.llama.ContextOptions;
import org.hearth.assistant.llama.LlamaContext;
import org.hearth.assistant.llama.LlamaException;
import org.hearth.assistant.llama.LlamaModel;

/**
 * Embeds texts with a last-token-pooling embedding model such as Qwen3-Embedding: one
 * L2-normalised vector per text, so the dot product of two vectors is their cosine similarity.
 *
 * <p>Documents are embedded bare and questions with Qwen3-Embedding's instruction
 * ({@code "Instruct: <task>\nQuery:<question>"}, as on the model card), so stored document vectors
 * stay valid whatever the questions are. Every input ends with the model's end-of-text token,
 * whose state is the embedding; a GGUF whose tokenizer does not add it gets it appended here.
 *
 * <p>Several documents share one decode (one sequence each) as far as the context's sequences and
 * batch allow; a text longer than {@link #maxTokens()} is cut to its beginning. Methods are
 * serialised; {@link #close()} may be called from any thread and aborts an embedding in progress.
 */
public final class Embeddings implements AutoCloseable {

    /** The model card recommends an English one-line task; it narrows "similar" to "answers this question". */
    static final String QUERY_TASK = "Given a question, retrieve passages from the firm's documents that answer it";
    static final String QUERY_PREFIX = "Instruct: " + QUERY_TASK + "\nQuery:";

    private static final String NO_POOLING = "0";

    private final LlamaModel model;
    private final LlamaContext context;
    private final int sequences;
    private final int batchCapacity;
    private final int maxTokens;
    private final int dimension;
    private final OptionalInt endOfText;

    /**
     * @param options its context is shared by its sequences (each holds {@code contextLength / sequences}
     *                tokens); sequences and batch size bound how many texts one decode carries
     * @throws LlamaException when the model does not pool its output into one vector per text
     */
    public Embeddings(LlamaModel model, ContextOptions options) {
        this.model = Objects.requireNonNull(model, "model");
        Objects.requireNonNull(options, "options");
        requirePooling(model);
        this.sequences = options.sequences();
        int perSequence = options.contextLength() / sequences;
        int trained = model.info().trainedContextLength();
        if (trained > 0) {
            perSequence = Math.min(perSequence, trained);
        }
        this.context = model.newContext(options.withContextLength(perSequence * sequences).forEmbeddings());
        this.batchCapacity = options.batchSize();
        this.maxTokens = Math.min(batchCapacity, context.contextLength() / sequences);
        this.dimension = model.info().embeddingLength();
        this.endOfText = model.metadata("tokenizer.ggml.eos_token_id").map(Integer::parseInt)
                .map(OptionalInt::of).orElse(OptionalInt.empty());
    }

    private static void requirePooling(LlamaModel model) {
        String pooling = model.metadata("general.architecture")
                .flatMap(architecture -> model.metadata(architecture + ".pooling_type"))
                .orElse(NO_POOLING);
        if (pooling.equals(NO_POOLING)) {
            throw new LlamaException(model.file().getFileName() + " is not an embedding model: it pools no vector per text");
        }
    }

    /** Length of every vector. */
    public int dimension() {
        return dimension;
    }

    /** Tokens of one text that count; the rest of a longer text is left out. */
    public int maxTokens() {
        return maxTokens;
    }

    /**
     * Names what produced the vectors: the model file, its weights' size, the dimension and the
     * token limit. Vectors stored under another id are not comparable and must be recomputed.
     */
    public String modelId() {
        return model.file().getFileName() + ";" + model.info().sizeBytes() + "B;" + dimension + "d;" + maxTokens + "t";
    }

    /** @see #embedDocuments(List, BooleanSupplier) */
    public List<float[]> embedDocuments(List<String> texts) {
        return embedDocuments(texts, () -> false);
    }

    /**
     * Embeds passages of documents, in order.
     *
     * @param cancelled checked between decodes and during each
     * @throws IllegalArgumentException when a text is blank (checked for all before any is embedded)
     * @throws CancellationException    when cancelled; nothing is returned then
     */
    public synchronized List<float[]> embedDocuments(List<String> texts, BooleanSupplier cancelled) {
        List<int[]> inputs = new ArrayList<>(texts.size());
        for (int i = 0; i < texts.size(); i++) {
            inputs.add(tokens(requireText(texts.get(i), "Text " + i)));
        }
        return embed(inputs, cancelled);
    }

    /**
     * Embeds a question for searching documents embedded with {@link #embedDocuments}.
     *
     * @throws IllegalArgumentException when the question is blank
     */
    public synchronized float[] embedQuery(String query) {
        return embed(List.of(tokens(QUERY_PREFIX + requireText(query, "The query"))), () -> false).getFirst();
    }

    private static String requireText(String text, String what) {
        Objects.requireNonNull(text, what);
        if (text.isBlank()) {
            throw new IllegalArgumentException(what + " is blank; there is nothing to embed");
        }
        return text;
    }

    /** The text's tokens ending with end-of-text, cut to {@link #maxTokens} keeping the beginning. */
    private int[] tokens(String text) {
        int[] tokens = model.tokenize(text, true, false);
        if (endOfText.isEmpty()) {
            return tokens.length <= maxTokens ? tokens : Arrays.copyOf(tokens, maxTokens);
        }
        int end = endOfText.getAsInt();
        int content = tokens.length > 0 && tokens[tokens.length - 1] == end ? tokens.length - 1 : tokens.length;
        int[] cut = Arrays.copyOf(tokens, Math.min(content, maxTokens - 1) + 1);
        cut[cut.length - 1] = end;
        return cut;
    }

    private List<float[]> embed(List<int[]> inputs, BooleanSupplier cancelled) {
        List<float[]> vectors = new ArrayList<>(inputs.size());
        try (Batch batch = new Batch(batchCapacity)) {
            int next = 0;
            while (next < inputs.size()) {
                if (cancelled.getAsBoolean()) {
                    throw new CancellationException("Cancelled");
                }
                batch.clear();
                context.clear();
                int first = next;
                while (next < inputs.size() && next - first < sequences
                        && batch.size() + inputs.get(next).length <= batchCapacity) {
                    int[] tokens = inputs.get(next);
                    for (int position = 0; position < tokens.length; position++) {
                        batch.add(tokens[position], position, next - first, true);
                    }
                    next++;
                }
                context.decode(batch, cancelled);
                for (int sequence = 0; sequence < next - first; sequence++) {
                    vectors.add(unitLength(context.embedding(sequence)));
                }
            }
        }
        return vectors;
    }

    private float[] unitLength(float[] vector) {
        double squares = 0;
        for (float value : vector) {
            squares += (double) value * value;
        }
        double norm = Math.sqrt(squares);
        if (!(norm > 0) || Double.isInfinite(norm)) {
            throw new LlamaException(model.file().getFileName() + " gave a vector that cannot be normalised");
        }
        float[] unit = new float[vector.length];
        for (int i = 0; i < vector.length; i++) {
            unit[i] = (float) (vector[i] / norm);
        }
        return unit;
    }

    /** Frees the context, aborting an embedding in progress. Safe to call more than once, from any thread. */
    @Override
    public void close() {
        context.close();
    }
}
