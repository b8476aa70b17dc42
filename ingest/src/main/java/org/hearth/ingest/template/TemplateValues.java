package org.hearth.ingest.template;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a template is filled with. A field absent here (or blank) is unanswered: it is written as a highlighted
 * blank, and a block conditional on it is left out.
 *
 * @param fields text and content-control fields by name
 * @param rows   per {@link TemplateField.Kind#ROWS} field, its items as column → text; absent means no rows
 */
public record TemplateValues(Map<String, String> fields, Map<String, List<Map<String, String>>> rows) {

    public TemplateValues {
        fields = Map.copyOf(fields);
        rows = Map.copyOf(rows);
    }

    public static TemplateValues of(Map<String, String> fields) {
        return new TemplateValues(fields, Map.of());
    }

    Optional<String> answer(String field) {
        return Optional.ofNullable(fields.get(field)).filter(value -> !value.isBlank());
    }
}
