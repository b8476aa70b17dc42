package org.hearth.assistant.task.triage;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import org.hearth.assistant.llama.Batch;
import org.hearth.assistant.llama.GenerationResult;
import org.hearth.assistant.llama.LlamaContext;
import org.hearth.assistant.llama.LlamaModel;
import org.hearth.assistant.llama.Sampler;
import org.hearth.assistant.llama.SamplingOptions;
import org.hearth.assistant.llama.StopReason;
import org.hearth.assistant.llama.TokenTextDecoder;
import org.hearth.assistant.task.StructuredOutput;
import org.hearth.assistant.task.SystemPrefix;

/**
 * One triage run over a queue of mails, each sequence of the context working on its own mail.
 * Every step builds one batch: the next token of every generating sequence, then as much of the
 * waiting prompts as fits. A sequence whose mail is done takes the next mail at once, so the batch
 * stays full until the queue runs dry. With one sequence this is plain sequential triage.
 */
final class BatchedRun {

    private final LlamaModel model;
    private final LlamaContext context;
    private final Batch batch;
    private final SystemPrefix prefix;
    private final Function<TriageMail, String> userMessage;
    private final int sequenceLength;
    private final int maxAnswerTokens;
    private final TriageListener listener;
    private final BooleanSupplier cancelled;
    private final StructuredOutput output = TriageSchema.output();
    private long promptTokensDecoded;
    private long generatedTokens;
    private int decodes;

    BatchedRun(LlamaModel model, LlamaContext context, Batch batch, SystemPrefix prefix,
               Function<TriageMail, String> userMessage, int sequenceLength, int maxAnswerTokens,
               TriageListener listener, BooleanSupplier cancelled) {
        this.model = model;
        this.context = context;
        this.batch = batch;
        this.prefix = prefix;
        this.userMessage = userMessage;
        this.sequenceLength = sequenceLength;
        this.maxAnswerTokens = maxAnswerTokens;
        this.listener = listener;
        this.cancelled = cancelled;
    }

    List<TriageOutcome> run(List<TriageMail> mails) {
        Deque<TriageMail> queue = new ArrayDeque<>(mails);
        List<TriageOutcome> outcomes = new ArrayList<>();
        List<Slot> slots = new ArrayList<>();
        try {
            for (int s = 0; s < context.options().sequences(); s++) {
                slots.add(new Slot(s, Sampler.create(model, SamplingOptions.greedy().withGrammar(output.grammar())), maxAnswerTokens));
            }
            listener.onProgress(0, mails.size());
            while (!cancelled.getAsBoolean()) {
                for (Slot slot : slots) {
                    if (slot.idle() && !queue.isEmpty()) {
                        start(slot, queue.poll());
                    }
                }
                List<Slot> active = slots.stream().filter(s -> !s.idle()).toList();
                if (active.isEmpty()) {
                    break;
                }
                fillBatch(active);
                try {
                    context.decode(batch, cancelled);
                    decodes++;
                } catch (CancellationException e) {
                    break;
                }
                for (Slot slot : active) {
                    if (slot.outputIndex >= 0 && sample(slot)) {
                        TriageOutcome outcome = finish(slot);
                        outcomes.add(outcome);
                        listener.onOutcome(outcome);
                        listener.onProgress(outcomes.size(), mails.size());
                    }
                }
            }
            return outcomes;
        } finally {
            slots.forEach(Slot::close);
        }
    }

    long promptTokensDecoded() {
        return promptTokensDecoded;
    }

    long generatedTokens() {
        return generatedTokens;
    }

    int decodes() {
        return decodes;
    }

    private void start(Slot slot, TriageMail mail) {
        int[] prompt = prefix.conversation(model, userMessage.apply(mail));
        Optional<int[]> remainder = prefix.remainder(prompt);
        if (remainder.isPresent()) {
            prefix.restore(context, slot.sequence);
            slot.begin(mail, remainder.get(), prefix.tokenCount());
        } else {
            // a template that renders the system turn differently before a user turn: no shared prefix
            context.removeSequence(slot.sequence);
            slot.begin(mail, prompt, 0);
        }
        slot.sampler.reset();
        slot.decoder = new TokenTextDecoder(model);
        promptTokensDecoded += slot.pending.length;
    }

    // Generating sequences first: their one token each must not wait behind a long prompt.
    private void fillBatch(List<Slot> active) {
        batch.clear();
        for (Slot slot : active) {
            slot.outputIndex = -1;
            if (!slot.prefilling()) {
                slot.outputIndex = batch.add(slot.nextToken, slot.position++, slot.sequence, true);
            }
        }
        for (Slot slot : active) {
            while (slot.prefilling() && batch.size() < batch.capacity()) {
                boolean last = slot.pendingOffset == slot.pending.length - 1;
                int index = batch.add(slot.pending[slot.pendingOffset++], slot.position++, slot.sequence, last);
                if (last) {
                    slot.outputIndex = index;
                }
            }
        }
    }

    /** Samples the slot's next token; true when its answer is complete. */
    private boolean sample(Slot slot) {
        int token = context.sample(slot.sampler, slot.outputIndex);
        if (model.isEndOfGeneration(token)) {
            slot.stop = StopReason.END_OF_GENERATION;
            return true;
        }
        slot.tokens[slot.generated++] = token;
        generatedTokens++;
        slot.text.append(slot.decoder.next(token));
        if (slot.generated == slot.tokens.length) {
            slot.stop = StopReason.MAX_TOKENS;
            return true;
        }
        if (slot.position + 1 >= sequenceLength) {
            slot.stop = StopReason.CONTEXT_FULL;
            return true;
        }
        slot.nextToken = token;
        return false;
    }

    private TriageOutcome finish(Slot slot) {
        String text = slot.text.append(slot.decoder.finish()).toString();
        String uid = slot.mail.uid();
        int count = slot.generated;
        GenerationResult result = new GenerationResult(text, Arrays.copyOf(slot.tokens, count), slot.pending.length,
                slot.stop, 0, 0);
        slot.mail = null;
        try {
            return TriageOutcome.ok(uid, TriageResult.fromJson(output.parseAndValidate(result)), text, count);
        } catch (StructuredOutput.InvalidStructuredOutputException e) {
            return TriageOutcome.failed(uid, e.getMessage(), text, count);
        }
    }

    /** One sequence of the context and the mail it is working on. */
    private static final class Slot implements AutoCloseable {
        final int sequence;
        final Sampler sampler;
        final int[] tokens;
        TriageMail mail;
        TokenTextDecoder decoder;
        StringBuilder text;
        int[] pending;
        int pendingOffset;
        int position;
        int outputIndex;
        int nextToken;
        int generated;
        StopReason stop;

        Slot(int sequence, Sampler sampler, int maxAnswerTokens) {
            this.sequence = sequence;
            this.sampler = sampler;
            this.tokens = new int[maxAnswerTokens];
        }

        void begin(TriageMail next, int[] prompt, int startPosition) {
            mail = next;
            pending = prompt;
            pendingOffset = 0;
            position = startPosition;
            outputIndex = -1;
            generated = 0;
            text = new StringBuilder();
            stop = null;
        }

        boolean idle() {
            return mail == null;
        }

        boolean prefilling() {
            return pendingOffset < pending.length;
        }

        @Override
        public void close() {
            sampler.close();
        }
    }
}
