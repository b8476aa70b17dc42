package org.hearth.app.bench;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.hearth.assistant.engine.Sampling;
import org.hearth.assistant.engine.Usage;
import org.hearth.assistant.engine.local.LocalEngine;
import org.hearth.assistant.llama.ContextOptions;
import org.hearth.assistant.llama.LlamaModel;
import org.hearth.assistant.task.answer.Source;
import org.hearth.assistant.task.draft.FieldFiller;
import org.hearth.assistant.task.draft.FieldProposal;
import org.hearth.assistant.task.draft.FieldQuery;
import org.hearth.domain.Language;
import org.hearth.ingest.document.DocumentException;
import org.hearth.ingest.template.DocxTemplate;
import org.hearth.ingest.template.TemplateField;
import org.hearth.ingest.template.TemplateValues;

/**
 * Time to fill a generated template from a generated source of numbered pages, the product path: the template's
 * fields read, one request per field in one series (the instructions decoded once), each with the pages that mention
 * the field's words first, as many as fit its context, and the filled copy written. Each answer is capped at the same
 * number of tokens: a random-weight model never closes its JSON on its own, so without the cap the time would
 * measure how long random text is. Reading the source (the reader process) is not in the loop: the pages are given
 * as a PDF's would be, one passage each.
 */
public final class DraftBenchmark {

    /** Field names of a Klageerwiderung cover sheet; the first {@code fields} are used. */
    static final String[] FIELDS = {"Aktenzeichen", "Gericht", "Kläger", "Beklagter", "Anschrift_Kläger", "Anschrift_Beklagter",
            "Zustellungsdatum", "Fristende", "Streitwert", "Forderung", "Zinsbeginn", "Mietvertrag_Datum", "Kündigungsdatum",
            "Richter", "Verhandlungstermin", "Prozessbevollmächtigter", "Mandatsnummer", "Anlagen_Anzahl", "Miete_monatlich",
            "Wohnung"};
    /** About a dense page of a pleading. */
    static final int PAGE_CHARS = 2_500;

    public record Settings(int fields, int pages, int threads, int sequences, int contextLength, int answerTokens) {
        public Settings {
            if (fields < 1 || fields > FIELDS.length) {
                throw new IllegalArgumentException("--fields must be 1 to " + FIELDS.length + ", was " + fields);
            }
            if (pages < 1) {
                throw new IllegalArgumentException("--pages must be at least 1, was " + pages);
            }
        }
    }

    /** One field's share: the tokens decoded for it (its prompt past the shared instructions, and its answer). */
    public record FieldCost(String name, long promptTokensDecoded, long generatedTokens, String status) {
        public long decoded() {
            return promptTokensDecoded + generatedTokens;
        }
    }

    /** @param usage the whole series, the instructions' one decode included */
    public record Result(Settings settings, double seconds, Usage usage, List<FieldCost> fields) {
        public long decoded() {
            return usage.promptTokensDecoded() + usage.generatedTokens();
        }

        /** The instructions, decoded once for the series: what is decoded beyond the fields' own tokens. */
        public long sharedDecoded() {
            return decoded() - fields.stream().mapToLong(FieldCost::decoded).sum();
        }
    }

    private DraftBenchmark() {
    }

    public static Result run(LlamaModel model, Settings settings, Consumer<String> progress, BooleanSupplier cancelled)
            throws IOException, DocumentException {
        try (ScratchFolder scratch = ScratchFolder.create("hearth-bench-draft")) {
            Path dir = scratch.path();
            Path template = template(dir, settings.fields());
            List<Source> pages = pages(settings.pages());
            ContextOptions context = ContextOptions.defaults().withThreads(settings.threads()).withSequences(settings.sequences())
                    .withContextLength(settings.contextLength() * settings.sequences());
            progress.accept("fields: 0/" + settings.fields());
            long start = System.nanoTime();
            List<TemplateField> fields = DocxTemplate.fields(template);
            List<FieldQuery> queries = fields.stream().map(field -> new FieldQuery(field.name(), field.description())).toList();
            FieldFiller.Result filled = new FieldFiller(new LocalEngine(model, context), Sampling.greedy(), settings.answerTokens())
                    .fill(queries, pages, Language.GERMAN, (proposal, done, total) -> progress.accept("fields: " + done + "/" + total),
                            cancelled);
            List<FieldProposal> proposals = filled.fields();
            Map<String, String> values = new HashMap<>();
            proposals.stream().filter(p -> p.status() == FieldProposal.Status.FILLED).forEach(p -> values.put(p.name(), p.value()));
            DocxTemplate.fill(template, TemplateValues.of(values), dir.resolve("Entwurf.docx"));
            double seconds = (System.nanoTime() - start) / 1e9;
            List<FieldCost> costs = new ArrayList<>();
            for (int i = 0; i < proposals.size(); i++) {
                Usage usage = filled.perField().get(i);
                costs.add(new FieldCost(proposals.get(i).name(), usage.promptTokensDecoded(), usage.generatedTokens(),
                        proposals.get(i).status().name().toLowerCase(Locale.ROOT)));
            }
            return new Result(settings, seconds, filled.usage(), costs);
        }
    }

    private static Path template(Path dir, int count) throws IOException {
        try (XWPFDocument document = new XWPFDocument()) {
            for (int i = 0; i < count; i++) {
                document.createParagraph().createRun().setText(FIELDS[i].replace('_', ' ') + ": {{" + FIELDS[i] + "}}");
            }
            Path file = dir.resolve("Vorlage.docx");
            try (OutputStream out = Files.newOutputStream(file)) {
                document.write(out);
            }
            return file;
        }
    }

    /** Pages of a rent dispute's pleading, each of {@link #PAGE_CHARS} characters, the facts spread over them. */
    static List<Source> pages(int count) {
        String[] facts = {
                "In dem Rechtsstreit Erika Müller ./. Max Schmidt, Az. 12 C 345/26, vor dem Amtsgericht Köln",
                "Die Klägerin Erika Müller wohnt Hauptstraße 1, 50667 Köln; der Beklagte Max Schmidt wohnt Domplatz 2, 50668 Köln.",
                "Die Klage wurde dem Beklagten am 12. Januar 2026 zugestellt; die Frist zur Klageerwiderung endet am 26. Januar 2026.",
                "Der Streitwert wird auf 14.400,00 € festgesetzt; die Klageforderung beträgt 4.800,00 € nebst Zinsen seit dem 1. Februar 2025.",
                "Der Mietvertrag vom 3. Mai 2021 über die Wohnung im 2. Obergeschoss links wurde am 30. Oktober 2025 gekündigt.",
                "Die monatliche Miete beträgt 1.200,00 €. Zuständige Richterin ist Richterin am Amtsgericht Dr. Weber.",
                "Termin zur mündlichen Verhandlung ist am 5. März 2026 um 10:30 Uhr, Saal 2.14.",
                "Prozessbevollmächtigte des Beklagten ist Rechtsanwältin Lehmann, Mandatsnummer M-2026-0417; beigefügt sind 6 Anlagen."};
        String filler = "Die Parteien streiten über Zahlungsansprüche aus dem Mietverhältnis und über die Wirksamkeit der Kündigung. "
                + "Der Beklagte trägt vor, die Mietsache sei mangelhaft gewesen, insbesondere habe Feuchtigkeit im Badezimmer bestanden. ";
        List<Source> pages = new ArrayList<>();
        for (int page = 1; page <= count; page++) {
            StringBuilder text = new StringBuilder();
            if (page % Math.max(1, count / facts.length) == 1 || count < facts.length) {
                text.append(facts[(page - 1) % facts.length]).append(' ');
            }
            while (text.length() < PAGE_CHARS) {
                text.append(filler);
            }
            pages.add(new Source(page, "Klageschrift.pdf, S. " + page, text.substring(0, PAGE_CHARS)));
        }
        return pages;
    }
}
