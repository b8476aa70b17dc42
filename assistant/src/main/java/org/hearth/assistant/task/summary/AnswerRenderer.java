package org.hearth.assistant.task.summary;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import org.hearth.domain.Language;
import org.hearth.domain.Locator;

/**
 * Turns the final answer's items into the text the user reads, as the {@link AnswerScanner}
 * reports them: one line per item starting with "- ", references in parentheses after it. The
 * same pass produces the streamed pieces and the finished text, so the two cannot differ.
 */
final class AnswerRenderer implements AnswerScanner.Events {

    private static final DateTimeFormatter GERMAN_DATE = DateTimeFormatter.ofPattern("dd.MM.yyyy", Locale.GERMAN);
    private static final DateTimeFormatter ENGLISH_DATE = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.ENGLISH);

    private final AnswerShape shape;
    private final Locator.Unit unit;
    private final Language language;
    private final Consumer<String> out;
    private final StringBuilder date = new StringBuilder();
    private boolean anyItem;

    AnswerRenderer(AnswerShape shape, Locator.Unit unit, Language language, Consumer<String> out) {
        this.shape = shape;
        this.unit = unit;
        this.language = language;
        this.out = out;
    }

    @Override
    public void itemStart() {
        out.accept(anyItem ? "\n- " : "- ");
        anyItem = true;
    }

    @Override
    public void stringStart(String field) {
        switch (field) {
            case "date" -> date.setLength(0);
            case "quote" -> out.accept(german() ? " – „" : " – “");
            case "role" -> out.accept(" – ");
            default -> { }
        }
    }

    @Override
    public void stringText(String field, String text) {
        if (field.equals("date")) {
            date.append(text);
        } else {
            out.accept(text);
        }
    }

    @Override
    public void stringEnd(String field) {
        switch (field) {
            case "date" -> out.accept(LocalDate.parse(date).format(german() ? GERMAN_DATE : ENGLISH_DATE) + ": ");
            case "quote" -> out.accept(german() ? "“" : "”");
            default -> { }
        }
    }

    @Override
    public void nullValue(String field) {
        out.accept(german() ? "ohne Datum: " : "no date: ");
    }

    @Override
    public void numbers(String field, List<Integer> values) {
        out.accept(" " + References.render(values, unit, language));
    }

    /** Ends the text; an answer without items says so rather than showing nothing. */
    void finish() {
        if (!anyItem) {
            out.accept(switch (shape) {
                case POINTS -> german() ? "Das Dokument enthält nichts Zusammenfassbares." : "The document contains nothing to summarise.";
                case DEADLINES -> german() ? "Keine Fristen oder Termine gefunden." : "No deadlines or dates found.";
                case PARTIES -> german() ? "Keine Beteiligten gefunden." : "No parties found.";
            });
        }
    }

    private boolean german() {
        return language == Language.GERMAN;
    }
}
