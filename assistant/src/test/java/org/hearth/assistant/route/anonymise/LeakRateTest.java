package org.hearth.assistant.route.anonymise;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.hearth.fixtures.anonymise.SensitiveDocument;
import org.hearth.fixtures.anonymise.SensitiveDocuments;
import org.hearth.fixtures.anonymise.SensitiveDocuments.Names;
import org.hearth.fixtures.anonymise.SensitiveValue;
import org.junit.jupiter.api.Test;

/**
 * The anonymiser over 500 generated letters, mails and file notes (German and English): the share of documents in
 * which any client value would have left, recall per kind of value, and that the source comes back whole. The table
 * it prints is the one in BENCHMARKS.md.
 */
class LeakRateTest {

    private static final int DOCUMENTS = 500;

    @Test
    void atMostOnePercentOfDocumentsLeakAndEverySourceIsRestored() throws AnonymisationException {
        for (Names names : List.of(Names.COMMON, Names.RARE_GIVEN)) {
            Measurement measured = measure(new SensitiveDocuments(20261203L, names));

            assertThat(measured.restored()).as(names.name()).isEqualTo(DOCUMENTS);
            assertThat(measured.leaking().size()).as("%s: documents with a leak: %s", names, measured.leaking())
                    .isLessThanOrEqualTo(DOCUMENTS / 100);
        }
    }

    /**
     * The known gap: a name without a title whose given and family names are both on no list is found only where it
     * is written again with a title or is known from the headers; the local-model pass is what closes it. This
     * bounds the gap so a change that widens it shows.
     */
    @Test
    void withRareGivenAndFamilyNamesTheDetectorsAloneLeakOnlyWhereANameStandsWithoutTitle() throws AnonymisationException {
        Measurement measured = measure(new SensitiveDocuments(20261203L, Names.RARE_GIVEN_AND_FAMILY));

        assertThat(measured.restored()).isEqualTo(DOCUMENTS);
        assertThat(measured.leaking().size()).as("documents with a leak: %s", measured.leaking()).isLessThanOrEqualTo(DOCUMENTS / 20);
        assertThat(measured.recall()).allSatisfy((kind, recall) -> assertThat(recall).as(kind).isGreaterThanOrEqualTo(
                kind.equals("PERSON") ? 0.98 : 1.0));
    }

    private record Measurement(List<String> leaking, int restored, Map<String, Double> recall) {
    }

    private static Measurement measure(SensitiveDocuments generator) throws AnonymisationException {
        Map<String, int[]> byKind = new TreeMap<>();
        List<String> leaking = new ArrayList<>();
        int restored = 0;
        for (SensitiveDocument document : generator.generate(DOCUMENTS)) {
            List<KnownEntity> known = document.knownNames().stream()
                    .map(name -> new KnownEntity(EntityType.valueOf(name.kind()), name.value())).toList();
            Anonymised anonymised = new Anonymiser(new Placeholders(), known, Optional.empty()).anonymise(document.text());
            boolean leaked = false;
            for (SensitiveValue value : document.values()) {
                int[] counts = byKind.computeIfAbsent(value.kind(), kind -> new int[2]);
                counts[0]++;
                if (contains(anonymised.outgoing(), value)) {
                    leaked = true;
                } else {
                    counts[1]++;
                }
            }
            if (leaked) {
                leaking.add(document.id());
            }
            if (anonymised.source().equals(document.text())) {
                restored++;
            }
        }

        StringBuilder table = new StringBuilder("| kind | values | replaced | recall |\n|---|---|---|---|\n");
        byKind.forEach((kind, counts) -> table.append(String.format(Locale.ROOT, "| %s | %d | %d | %.1f %% |%n",
                kind, counts[0], counts[1], 100.0 * counts[1] / counts[0])));
        table.append(String.format(Locale.ROOT, "documents with any leak: %d of %d (%.1f %%); restored exactly: %d of %d%n",
                leaking.size(), DOCUMENTS, 100.0 * leaking.size() / DOCUMENTS, restored, DOCUMENTS));
        System.out.println(table);
        Map<String, Double> recall = new TreeMap<>();
        byKind.forEach((kind, counts) -> recall.put(kind, (double) counts[1] / counts[0]));
        return new Measurement(leaking, restored, recall);
    }

    /** Whether the value is still readable in the outgoing text: in any case and spacing, numbers without separators. */
    private static boolean contains(String outgoing, SensitiveValue value) {
        EntityType type = EntityType.valueOf(value.kind());
        if (Forms.numeric(type)) {
            return compact(outgoing).contains(compact(value.value()));
        }
        return normal(outgoing).contains(normal(value.value()));
    }

    private static String compact(String text) {
        return text.replaceAll("[^\\p{L}\\p{N}]", "").toUpperCase(Locale.ROOT);
    }

    private static String normal(String text) {
        return text.replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
    }
}
