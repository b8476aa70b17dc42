package org.hearth.app.drafting;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;
import org.hearth.app.documents.DocumentPassages;
import org.hearth.assistant.engine.Engine;
import org.hearth.assistant.engine.Usage;
import org.hearth.assistant.task.answer.Source;
import org.hearth.assistant.task.draft.FieldFiller;
import org.hearth.assistant.task.draft.FieldProposal;
import org.hearth.assistant.task.draft.FieldQuery;
import org.hearth.assistant.task.summary.Passage;
import org.hearth.domain.Language;
import org.hearth.domain.LanguageDetector;
import org.hearth.domain.Locator;
import org.hearth.ingest.document.DocumentException;
import org.hearth.ingest.document.DocumentText;
import org.hearth.ingest.document.IsolatedDocumentReader;
import org.hearth.ingest.document.ReadOptions;
import org.hearth.ingest.template.DocxTemplate;
import org.hearth.ingest.template.TemplateField;
import org.hearth.ingest.template.TemplateValues;

/**
 * A template filled from a matter's files, shared by the command line and the window: the template's fields are
 * listed, the sources read in the bounded reader (one passage per PDF page, per DOCX or text paragraph), the model
 * proposes each value with a quote, and only values whose quote is verified are written. The rest are left as
 * highlighted blanks in the document and reported as "unsupported" or "empty"; the template is never written.
 *
 * <p>Row loops ({@link TemplateField.Kind#ROWS}) are not proposed by the model yet: they are reported empty and
 * their template row is removed.
 */
public final class DraftFromTemplate {

    /** Gives the engine once the sources are read; the CLI loads its model, the window lends one. */
    @FunctionalInterface
    public interface EngineSource {
        Engine await(BooleanSupplier cancelled) throws InterruptedException;
    }

    public interface Listener {
        default void reading(Path source) {
        }

        default void filling(int fieldsDone, int fieldsTotal) {
        }

        /** The sources as the model will see them, before an engine is asked for: what a routed draft would send. */
        default void sourcesRead(List<Source> sources) {
        }
    }

    /** Where a value was found: the file, its page (PDF) or paragraph (DOCX, text), and the model's quote. */
    public record Evidence(Path file, OptionalInt page, OptionalInt paragraph, String quote, boolean verified) {
    }

    /** One field of the draft; {@code evidence} is present whenever the model quoted something, verified or not. */
    public record Field(String name, TemplateField.Kind kind, String description, FieldProposal.Status status, String value,
                        Optional<Evidence> evidence) {
    }

    public record Draft(Path template, Path out, List<Field> fields, Usage usage) {
        public Draft {
            fields = List.copyOf(fields);
        }
    }

    /** The template's fields with what the model proposed, before anything is written. */
    public record Proposals(Path template, List<Field> fields, Usage usage) {
        public Proposals {
            fields = List.copyOf(fields);
        }
    }

    private final IsolatedDocumentReader reader;

    public DraftFromTemplate(IsolatedDocumentReader reader) {
        this.reader = Objects.requireNonNull(reader, "reader");
    }

    /**
     * The command line's whole job: proposals, then the document with the verified values only.
     *
     * @throws DocumentException        the template or a source cannot be read (names the file)
     * @throws IllegalArgumentException {@code out} is the template
     * @throws CancellationException    when {@code cancelled} became true
     */
    public Draft draft(Path template, List<Path> sources, Path out, EngineSource engines, Listener listener,
                       BooleanSupplier cancelled) throws IOException, DocumentException, InterruptedException {
        refuseTemplateAsOutput(template, out);
        Proposals proposals = propose(template, sources, engines, listener, cancelled);
        Map<String, String> verified = new LinkedHashMap<>();
        proposals.fields().stream().filter(field -> field.status() == FieldProposal.Status.FILLED)
                .forEach(field -> verified.put(field.name(), field.value()));
        write(template, verified, out);
        return new Draft(template, out, proposals.fields(), proposals.usage());
    }

    /**
     * Every field of the template with the model's proposal and its evidence; nothing is written. The window shows
     * these for review and writes what the user accepted with {@link #write}.
     *
     * @throws DocumentException     the template or a source cannot be read (names the file)
     * @throws CancellationException when {@code cancelled} became true
     */
    public Proposals propose(Path template, List<Path> sources, EngineSource engines, Listener listener,
                             BooleanSupplier cancelled) throws IOException, DocumentException, InterruptedException {
        List<TemplateField> fields = DocxTemplate.fields(template);
        Passages passages = read(sources, listener, cancelled);
        listener.sourcesRead(passages.sources());
        List<TemplateField> asked = fields.stream().filter(field -> field.kind() != TemplateField.Kind.ROWS).toList();
        List<FieldQuery> queries = asked.stream().map(field -> new FieldQuery(field.name(), field.description())).toList();
        Engine engine = passages.sources().isEmpty() || queries.isEmpty() ? null : engines.await(cancelled);
        FieldFiller.Result filled = engine == null
                ? new FieldFiller.Result(queries.stream().map(query -> FieldProposal.empty(query.name())).toList(), Usage.NONE, List.of())
                : new FieldFiller(engine).fill(queries, passages.sources(), passages.language(),
                        (proposal, done, total) -> listener.filling(done, total), cancelled);

        Map<String, FieldProposal> byName = new HashMap<>();
        filled.fields().forEach(proposal -> byName.put(proposal.name(), proposal));
        List<Field> result = new ArrayList<>();
        for (TemplateField field : fields) {
            FieldProposal proposal = byName.getOrDefault(field.name(), FieldProposal.empty(field.name()));
            result.add(new Field(field.name(), field.kind(), field.description(), proposal.status(), proposal.value(),
                    proposal.source().stream().mapToObj(n -> passages.evidence(n, proposal)).findFirst()));
        }
        if (cancelled.getAsBoolean()) {
            throw new CancellationException("Cancelled");
        }
        return new Proposals(template, result, filled.usage());
    }

    /**
     * Writes {@code template} filled with {@code values} (field name to value) to {@code out}; the fields not named
     * stay highlighted blanks. Which values stand there is the caller's choice: the command line passes the verified
     * ones, the window what the user accepted in review.
     *
     * @throws IllegalArgumentException {@code out} is the template
     */
    public static void write(Path template, Map<String, String> values, Path out) throws IOException, DocumentException {
        refuseTemplateAsOutput(template, out);
        DocxTemplate.fill(template, TemplateValues.of(values), out);
    }

    private static void refuseTemplateAsOutput(Path template, Path out) throws IOException {
        if (Files.exists(out) && Files.isSameFile(template, out)) {
            throw new IllegalArgumentException("The draft must not overwrite its template " + template.getFileName());
        }
    }

    /** The sources as the model sees them, numbered from 1, and where each came from. */
    private record Passages(List<Source> sources, List<Path> files, List<Locator> locators, Language language) {

        Evidence evidence(int n, FieldProposal proposal) {
            Locator locator = locators.get(n - 1);
            boolean page = locator.unit() == Locator.Unit.PAGE;
            return new Evidence(files.get(n - 1), page ? OptionalInt.of(locator.from()) : OptionalInt.empty(),
                    page ? OptionalInt.empty() : OptionalInt.of(locator.from()), proposal.quote(), proposal.verified());
        }
    }

    private Passages read(List<Path> files, Listener listener, BooleanSupplier cancelled) throws IOException, DocumentException {
        List<Source> sources = new ArrayList<>();
        List<Path> origins = new ArrayList<>();
        List<Locator> locators = new ArrayList<>();
        List<String> texts = new ArrayList<>();
        for (Path file : files) {
            listener.reading(file);
            DocumentText document = reader.read(file, ReadOptions.none(), (done, total) -> { }, cancelled);
            for (Passage passage : DocumentPassages.of(document)) {
                sources.add(new Source(sources.size() + 1, label(file, passage.locator()), passage.text()));
                origins.add(file);
                locators.add(passage.locator());
                texts.add(passage.text());
            }
        }
        Language language = texts.isEmpty() ? Language.GERMAN : LanguageDetector.detect(texts);
        return new Passages(sources, origins, locators, language);
    }

    private static String label(Path file, Locator locator) {
        String unit = locator.unit() == Locator.Unit.PAGE ? "S. " : "Abs. ";
        return file.getFileName() + ", " + unit + (locator.from() == locator.to() ? locator.from() : locator.from() + "–" + locator.to());
    }
}
