package org.hearth.ingest.template;

import java.util.Objects;

/**
 * A field a template asks for.
 *
 * @param name        as written in the template, e.g. "Aktenzeichen" for {@code {{Aktenzeichen}}} or a content
 *                    control's tag
 * @param kind        how the template uses it
 * @param description what the firm wrote about it (a comment on it, or its row in a {@code Feld | Beschreibung}
 *                    table); empty when none
 */
public record TemplateField(String name, Kind kind, String description) {

    public enum Kind {
        /** {@code {{Name}}}: replaced by the value. */
        TEXT,
        /** A Word content control whose tag or alias is the name: its text is replaced. */
        CONTENT_CONTROL,
        /** {@code {{?Name}}…{{/Name}}} and no {@code {{Name}}}: the block is kept only when the field is answered. */
        CONDITION,
        /** {@code {{#Name}}} in a table row: the row below is repeated per item, its cells name columns as {@code [Spalte]}. */
        ROWS
    }

    public TemplateField {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(description, "description");
    }
}
