package org.hearth.ingest.template;

import java.math.BigInteger;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.poi.xwpf.usermodel.XWPFComment;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTMarkupRange;

/**
 * What the firm wrote about its fields, to tell the model what to look for: a side table whose header row reads
 * {@code Feld | Beschreibung} (or {@code Field | Description}), and Word comments anchored in a field's paragraph.
 * The side table is an instruction, not part of the letter, so the filled document leaves it out.
 */
final class FieldDescriptions {

    private static final Set<String> FIELD_HEADERS = Set.of("feld", "field");
    private static final Set<String> DESCRIPTION_HEADERS = Set.of("beschreibung", "description");

    private final Map<String, String> fromTable;
    private final XWPFDocument document;

    private FieldDescriptions(XWPFDocument document, Map<String, String> fromTable) {
        this.document = document;
        this.fromTable = fromTable;
    }

    static FieldDescriptions of(XWPFDocument document) {
        Map<String, String> described = new HashMap<>();
        sideTable(document).ifPresent(table -> {
            List<XWPFTableRow> rows = table.getRows();
            for (XWPFTableRow row : rows.subList(1, rows.size())) {
                if (row.getTableCells().size() >= 2) {
                    String name = unbraced(row.getCell(0).getText());
                    String description = row.getCell(1).getText().strip();
                    if (!name.isEmpty() && !description.isEmpty()) {
                        described.put(name, description);
                    }
                }
            }
        });
        return new FieldDescriptions(document, described);
    }

    /** The side table, if the template has one. */
    static Optional<XWPFTable> sideTable(XWPFDocument document) {
        for (XWPFTable table : document.getTables()) {
            XWPFTableRow header = table.getRow(0);
            if (header != null && header.getTableCells().size() >= 2
                    && FIELD_HEADERS.contains(header.getCell(0).getText().strip().toLowerCase(Locale.ROOT))
                    && DESCRIPTION_HEADERS.contains(header.getCell(1).getText().strip().toLowerCase(Locale.ROOT))) {
                return Optional.of(table);
            }
        }
        return Optional.empty();
    }

    static void removeSideTable(XWPFDocument document) {
        sideTable(document).ifPresent(table -> document.removeBodyElement(document.getPosOfTable(table)));
    }

    /** The side table's row for {@code name}, else the comments anchored in {@code paragraph}, else empty. */
    String describe(String name, Optional<XWPFParagraph> paragraph) {
        String fromSideTable = fromTable.get(name);
        if (fromSideTable != null) {
            return fromSideTable;
        }
        return paragraph.map(this::comments).orElse("");
    }

    private String comments(XWPFParagraph paragraph) {
        StringBuilder text = new StringBuilder();
        for (CTMarkupRange start : paragraph.getCTP().getCommentRangeStartList()) {
            BigInteger id = start.getId();
            XWPFComment comment = id == null ? null : document.getCommentByID(id.toString());
            if (comment != null && !comment.getText().isBlank()) {
                if (!text.isEmpty()) {
                    text.append(' ');
                }
                text.append(comment.getText().strip());
            }
        }
        return text.toString();
    }

    /** "{{Aktenzeichen}}" and "Aktenzeichen" both name the field. */
    private static String unbraced(String cell) {
        String name = cell.strip();
        if (name.startsWith("{{") && name.endsWith("}}")) {
            name = name.substring(2, name.length() - 2).strip();
        }
        return name;
    }
}
