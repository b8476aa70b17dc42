package org.hearth.assistant.engine.local;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import org.hearth.assistant.engine.Message;
import org.hearth.assistant.llama.Generator;
import org.hearth.assistant.llama.LlamaContext;
import org.hearth.assistant.llama.LlamaModel;
import org.hearth.assistant.llama.SequenceState;

/**
 * A system prompt decoded once and saved, so every later prompt that starts with it restores the
 * saved state and decodes only its own user turn. Restored into one sequence for single requests
 * and into several sequences of one context for batched ones.
 */
final class SystemPrefix {

    private final String system;
    private final int[] tokens;
    private final SequenceState state;

    private SystemPrefix(String system, int[] tokens, SequenceState state) {
        this.system = system;
        this.tokens = tokens;
        this.state = state;
    }

    /** Decodes the system turn into {@code sequence} of the generator's context and saves its state. */
    static SystemPrefix compute(LlamaModel model, LlamaContext context, Generator generator, int sequence,
                                String system, BooleanSupplier cancelled) {
        int[] tokens = ChatPrompt.tokenize(model, List.of(Message.system(system)), false);
        context.removeSequence(sequence);
        generator.prefill(sequence, 0, tokens, cancelled);
        return new SystemPrefix(system, tokens, context.saveSequence(sequence));
    }

    /** The whole prompt (system turn, user turn, assistant start) as the chat template renders it. */
    int[] conversation(LlamaModel model, String userMessage) {
        return ChatPrompt.tokenize(model, List.of(Message.system(system), Message.user(userMessage)), true);
    }

    /**
     * What must still be decoded after {@link #restore}, or empty when the prompt does not start
     * with this prefix (a template that renders the system turn differently once a user turn
     * follows): then the caller decodes the whole prompt.
     */
    Optional<int[]> remainder(int[] prompt) {
        boolean shared = prompt.length > tokens.length && Arrays.equals(prompt, 0, tokens.length, tokens, 0, tokens.length);
        return shared ? Optional.of(Arrays.copyOfRange(prompt, tokens.length, prompt.length)) : Optional.empty();
    }

    /** Replaces {@code sequence}'s memory with the saved system turn. */
    void restore(LlamaContext context, int sequence) {
        context.restoreSequence(state, sequence);
    }

    int tokenCount() {
        return tokens.length;
    }
}
