package org.hearth.app.privacy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.hearth.assistant.route.anonymise.AnonymisationException;
import org.hearth.assistant.route.anonymise.Anonymised;
import org.hearth.assistant.route.anonymise.Anonymiser;
import org.hearth.assistant.route.anonymise.EntityType;
import org.hearth.assistant.route.anonymise.KnownEntity;
import org.hearth.assistant.route.anonymise.ModelEntityPass;
import org.hearth.assistant.route.anonymise.Placeholders;
import org.hearth.ingest.document.DocumentException;
import org.hearth.ingest.document.DocumentText;
import org.hearth.ingest.document.IsolatedDocumentReader;
import org.hearth.ingest.document.ReadOptions;
import org.hearth.ingest.document.TextBlock;

/**
 * Reads a document in the isolated reader and anonymises its text as a routed job would send it: the names in a
 * mail's From and To are known before the text is read. The same use case serves `hearth anonymize` and the
 * window's preview.
 */
public final class AnonymiseDocument {

    private static final Pattern ADDRESS = Pattern.compile("\\s*\"?([^\"<,]*?)\"?\\s*<([^>]+)>\\s*|\\s*([^\\s<>,]+@[^\\s<>,]+)\\s*");

    private final IsolatedDocumentReader reader;

    public AnonymiseDocument(IsolatedDocumentReader reader) {
        this.reader = reader;
    }

    /** The text as extracted, the text as it would leave, and the job's placeholders. */
    public record Result(String extracted, Anonymised anonymised, Placeholders placeholders) {
    }

    /** @param modelPass the local model's list of names, for those no rule finds; empty: the rules only */
    public Result run(Path file, Optional<Pattern> firmFileNumber, Optional<ModelEntityPass> modelPass, BooleanSupplier cancelled)
            throws DocumentException, AnonymisationException {
        DocumentText document = reader.read(file, ReadOptions.none(), (done, total) -> { }, cancelled);
        List<KnownEntity> named = modelPass.map(pass -> pass.find(text(document), cancelled)).orElse(List.of());
        return anonymise(document, firmFileNumber, named);
    }

    /**
     * The document's text as it would leave. A routed job starts from these placeholders, so what it sends uses the
     * same numbering as the preview the user confirmed.
     */
    public static Result anonymise(DocumentText document, Optional<Pattern> firmFileNumber) throws AnonymisationException {
        return anonymise(document, firmFileNumber, List.of());
    }

    /** @param named names a local model found in the text, replaced like those the headers give */
    public static Result anonymise(DocumentText document, Optional<Pattern> firmFileNumber, List<KnownEntity> named)
            throws AnonymisationException {
        String text = text(document);
        List<KnownEntity> known = new ArrayList<>(knownFromHeaders(document));
        known.addAll(named);
        Placeholders placeholders = new Placeholders();
        Anonymiser anonymiser = new Anonymiser(placeholders, known, firmFileNumber);
        return new Result(text, anonymiser.anonymise(text), placeholders);
    }

    private static String text(DocumentText document) {
        return document.blocks().stream().map(TextBlock::text).collect(Collectors.joining("\n\n"));
    }

    /** A mail's From and To: the people and addresses a job knows before it reads the text. */
    public static List<KnownEntity> knownFromHeaders(DocumentText document) {
        List<KnownEntity> known = new ArrayList<>();
        for (String header : List.of("from", "to")) {
            Optional.ofNullable(document.metadata().get(header)).ifPresent(value -> known.addAll(knownFromAddresses(value)));
        }
        return known;
    }

    /** "Klaus Weber <k.weber@example.de>, anna@example.de" → the person and both addresses. */
    public static List<KnownEntity> knownFromAddresses(String header) {
        List<KnownEntity> known = new ArrayList<>();
        for (String part : header.split(",")) {
            Matcher matcher = ADDRESS.matcher(part);
            if (!matcher.matches()) {
                continue;
            }
            String name = matcher.group(1);
            String address = matcher.group(2) != null ? matcher.group(2) : matcher.group(3);
            if (name != null && name.strip().contains(" ")) {
                known.add(new KnownEntity(EntityType.PERSON, name.strip()));
            }
            known.add(new KnownEntity(EntityType.EMAIL, address.strip()));
        }
        return known;
    }
}
