package org.hearth.assistant.llama;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.util.List;
import org.hearth.fixtures.gguf.TestModels;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Saving a shared prefix once and restoring it must be indistinguishable from recomputing it. */
class SequenceStateTest {

    @TempDir
    Path models;

    @Test
    void restoringASavedPrefixGivesTheSameNextTokenDistributionAsRecomputing() {
        try (LlamaModel model = LlamaRuntime.get().loadModel(TestModels.tinyQwen35(models));
             LlamaContext context = model.newContext(ContextOptions.defaults().withThreads(1).withContextLength(1024).withSequences(2));
             Generator generator = new Generator(context)) {
            int[] prefix = model.tokenize(model.applyChatTemplate(List.of(ChatMessage.system("Sie sind ein Assistent einer Kanzlei.")), false), true, true);
            int[] suffix = model.tokenize("Bitte die Frist zum 12.01. notieren.", false, false);

            Generator.Prefill prefixDone = generator.prefill(0, 0, prefix, () -> false);
            SequenceState saved = context.saveSequence(0);
            Generator.Prefill recomputed = generator.prefill(0, prefixDone.nextPosition(), suffix, () -> false);
            float[] expected = context.logits(recomputed.outputIndex());

            context.clear();
            context.restoreSequence(saved, 1);
            assertThat(context.lastPosition(1)).isEqualTo(prefix.length - 1);
            Generator.Prefill restored = generator.prefill(1, saved.tokenCount(), suffix, () -> false);
            float[] actual = context.logits(restored.outputIndex());

            assertThat(saved.tokenCount()).isEqualTo(prefix.length);
            assertThat(actual).hasSameSizeAs(expected);
            for (int i = 0; i < expected.length; i++) {
                assertThat(actual[i]).as("logit %d", i).isCloseTo(expected[i], within(1e-3f));
            }
            assertThat(argmax(actual)).isEqualTo(argmax(expected));
        }
    }

    private static int argmax(float[] values) {
        int best = 0;
        for (int i = 1; i < values.length; i++) {
            if (values[i] > values[best]) {
                best = i;
            }
        }
        return best;
    }
}
