package org.hearth.ingest.template;

import com.deepoove.poi.XWPFTemplate;
import com.deepoove.poi.config.Configure;
import com.deepoove.poi.config.GramerSymbol;
import com.deepoove.poi.plugin.table.LoopRowTableRenderPolicy;
import com.deepoove.poi.policy.TextRenderPolicy;
import com.deepoove.poi.template.IterableTemplate;
import com.deepoove.poi.template.MetaTemplate;
import com.deepoove.poi.template.run.RunTemplate;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.hearth.ingest.document.DocumentException;
import org.hearth.ingest.document.GuardedDocx;

/**
 * The firm's DOCX template: the fields it asks for, and a filled copy. The template file is only read; the copy
 * is written next to {@code out} and moved into place, so a failure leaves neither a half-written file nor a
 * changed template. Opening is bounded like reading a document ({@link GuardedDocx}).
 */
public final class DocxTemplate {

    /**
     * A field name: letters (umlauts and ß included), digits, spaces, underscore, hyphen, dot ("Name des Gegners",
     * "Mandant.Anschrift"). poi-tl's default allows ASCII only. A name is looked up whole, never evaluated as an
     * expression ({@link #configure}).
     */
    private static final String NAME = "[\\p{L}\\p{N}_\\-. ]+";
    /** A plain placeholder, where the template is read without poi-tl (text boxes). */
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{(" + NAME + ")}}");

    private DocxTemplate() {
    }

    /** The fields of {@code template}, in order of first appearance, each once. */
    public static List<TemplateField> fields(Path template) throws IOException, DocumentException {
        return GuardedDocx.with(template, document -> {
            FieldDescriptions descriptions = FieldDescriptions.of(document);
            FieldDescriptions.removeSideTable(document);
            Map<String, TemplateField> fields = new LinkedHashMap<>();
            try (XWPFTemplate compiled = XWPFTemplate.compile(document, configure(Map.of()))) {
                collect(compiled.getElementTemplates(), descriptions, fields);
                for (String name : TextBoxes.names(compiled.getXWPFDocument(), PLACEHOLDER)) {
                    fields.putIfAbsent(name, new TemplateField(name, TemplateField.Kind.TEXT, descriptions.describe(name, Optional.empty())));
                }
                for (ContentControls.Control control : ContentControls.in(compiled.getXWPFDocument())) {
                    fields.putIfAbsent(control.name(), new TemplateField(control.name(), TemplateField.Kind.CONTENT_CONTROL,
                            descriptions.describe(control.name(), Optional.empty())));
                }
            }
            return List.copyOf(fields.values());
        });
    }

    /**
     * Writes {@code template} filled with {@code values} to {@code out}; unanswered fields become highlighted
     * blanks, blocks conditional on them are left out, row loops without items lose their template row.
     *
     * @throws IllegalArgumentException when {@code out} is the template itself
     */
    public static void fill(Path template, TemplateValues values, Path out) throws IOException, DocumentException {
        if (Files.exists(out) && Files.isSameFile(template, out)) {
            throw new IllegalArgumentException("The filled document must not overwrite its template " + template.getFileName());
        }
        Path partial = Files.createTempFile(out.toAbsolutePath().getParent(), ".hearth-draft-", ".docx");
        try {
            GuardedDocx.with(template, document -> {
                FieldDescriptions.removeSideTable(document);
                Map<String, Object> data = new HashMap<>();
                try (XWPFTemplate compiled = XWPFTemplate.compile(document, configure(data))) {
                    Map<String, TemplateField> tags = new LinkedHashMap<>();
                    collect(compiled.getElementTemplates(), FieldDescriptions.of(compiled.getXWPFDocument()), tags);
                    for (TemplateField field : tags.values()) {
                        data.put(field.name(), field.kind() == TemplateField.Kind.ROWS
                                ? values.rows().getOrDefault(field.name(), List.of())
                                : values.answer(field.name()).map(FieldText::answered).orElseGet(FieldText::blank));
                    }
                    compiled.render(data);
                    TextBoxes.fill(compiled.getXWPFDocument(), PLACEHOLDER, values::answer);
                    for (ContentControls.Control control : ContentControls.in(compiled.getXWPFDocument())) {
                        ContentControls.fill(control, values.answer(control.name()));
                    }
                    try (OutputStream stream = Files.newOutputStream(partial)) {
                        compiled.write(stream);
                    }
                }
                return null;
            });
            Files.move(partial, out, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(partial);
        }
    }

    /**
     * poi-tl as the ADR describes it: {@code #} repeats table rows, picture, list and include tags are plain
     * text (a model answer is never a picture or a document to include), and every name is looked up in
     * {@code data} — or, inside a repeated row, first in that row's item.
     */
    private static Configure configure(Map<String, Object> data) {
        TextRenderPolicy text = new TextRenderPolicy();
        return Configure.builder()
                .buildGrammerRegex(NAME)
                .addPlugin(GramerSymbol.TABLE.getSymbol(), new LoopRowTableRenderPolicy())
                .addPlugin(GramerSymbol.IMAGE.getSymbol(), text)
                .addPlugin(GramerSymbol.NUMBERING.getSymbol(), text)
                .addPlugin(GramerSymbol.DOCX_TEMPLATE.getSymbol(), text)
                .setRenderDataComputeFactory(model -> name -> model.getRoot() instanceof Map<?, ?> item && item.containsKey(name)
                        ? item.get(name)
                        : data.get(name))
                .build();
    }

    private static void collect(List<MetaTemplate> templates, FieldDescriptions descriptions, Map<String, TemplateField> fields) {
        for (MetaTemplate template : templates) {
            if (template instanceof IterableTemplate block) {
                RunTemplate start = block.getStartMark();
                add(fields, start, TemplateField.Kind.CONDITION, descriptions);
                collect(block.getTemplates(), descriptions, fields);
            } else if (template instanceof RunTemplate run) {
                Character sign = run.getSign();
                boolean rows = sign != null && sign == GramerSymbol.TABLE.getSymbol();
                add(fields, run, rows ? TemplateField.Kind.ROWS : TemplateField.Kind.TEXT, descriptions);
            }
        }
    }

    /** A name used as text and as a condition is a text field: the block then depends on that text. */
    private static void add(Map<String, TemplateField> fields, RunTemplate tag, TemplateField.Kind kind,
                            FieldDescriptions descriptions) {
        String name = tag.getTagName();
        TemplateField known = fields.get(name);
        if (known != null && !(known.kind() == TemplateField.Kind.CONDITION && kind == TemplateField.Kind.TEXT)) {
            return;
        }
        Optional<XWPFParagraph> paragraph = tag.getRun() != null && tag.getRun().getParent() instanceof XWPFParagraph p
                ? Optional.of(p) : Optional.empty();
        String description = known != null && !known.description().isEmpty() ? known.description()
                : descriptions.describe(name, paragraph);
        fields.put(name, new TemplateField(name, kind, description));
    }
}
