package org.hearth.assistant.task.draft;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.hearth.assistant.engine.Sampling;
import org.hearth.assistant.engine.local.LocalEngine;
import org.hearth.assistant.llama.ContextOptions;
import org.hearth.assistant.llama.LlamaModel;
import org.hearth.assistant.task.answer.Source;
import org.hearth.assistant.task.draft.FieldProposal.Status;
import org.hearth.assistant.testing.SharedTinyModel;
import org.hearth.domain.Language;
import org.junit.jupiter.api.Test;

/**
 * The evidence rule on the real local engine with a random-weight model: whatever it writes, a source that does
 * not contain the answers never yields a filled field — each is unsupported ("nicht belegt") or empty.
 */
class FieldFillerTest {

    private static final LlamaModel model = SharedTinyModel.get();

    /** About the weather: no file number, no date of service, no amount owed. */
    private static final List<Source> UNRELATED = List.of(
            new Source(1, "Notiz.txt, Abs. 1", "Heute regnet es in Köln, morgen soll die Sonne scheinen."),
            new Source(2, "Notiz.txt, Abs. 2", "Die Kantine bietet mittwochs Gemüseeintopf an."));

    private static final List<FieldQuery> FIELDS = List.of(
            new FieldQuery("Aktenzeichen", "Das gerichtliche Aktenzeichen"),
            new FieldQuery("Zustellungsdatum", "Datum der Zustellung der Klage"),
            new FieldQuery("Betrag", "Die offene Forderung"));

    private static FieldFiller filler(Sampling sampling, int sequences) {
        return new FieldFiller(new LocalEngine(model, ContextOptions.defaults().withThreads(1).withContextLength(2048 * sequences)
                .withSequences(sequences)), sampling);
    }

    @Test
    void a_source_without_the_answers_never_fills_a_field_whatever_the_model_writes() {
        for (float temperature : new float[] {0.0f, 1.0f, 2.5f}) {
            for (int seed : new int[] {1, 2}) {
                FieldFiller.Result result = filler(Sampling.defaults().withTemperature(temperature).withSeed(seed), 1)
                        .fill(FIELDS, UNRELATED, Language.GERMAN, (proposal, done, total) -> { }, () -> false);

                assertThat(result.fields()).as("temperature %s, seed %s", temperature, seed)
                        .extracting(FieldProposal::name).containsExactly("Aktenzeichen", "Zustellungsdatum", "Betrag");
                assertThat(result.fields()).as("temperature %s, seed %s", temperature, seed)
                        .allSatisfy(field -> {
                            assertThat(field.status()).isIn(Status.UNSUPPORTED, Status.EMPTY);
                            assertThat(field.verified()).isFalse();
                        });
                assertThat(result.usage().modelCalls()).isGreaterThan(0);
            }
        }
    }

    @Test
    void fields_run_in_parallel_sequences_share_one_series() {
        FieldFiller.Result result = filler(Sampling.greedy(), 3)
                .fill(FIELDS, UNRELATED, Language.GERMAN, (proposal, done, total) -> { }, () -> false);

        assertThat(result.fields()).hasSize(3).noneMatch(field -> field.status() == Status.FILLED);
    }

    @Test
    void cancelling_stops_the_fill() {
        AtomicBoolean cancelled = new AtomicBoolean();

        assertThatThrownBy(() -> filler(Sampling.greedy(), 1).fill(FIELDS, UNRELATED, Language.GERMAN,
                (proposal, done, total) -> cancelled.set(true), cancelled::get))
                .isInstanceOf(CancellationException.class);
    }
}
