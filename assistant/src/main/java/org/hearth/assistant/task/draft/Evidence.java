package org.hearth.assistant.task.draft;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.hearth.assistant.task.answer.QuoteCheck;
import org.hearth.assistant.task.answer.Source;

/**
 * Judges a field's answer by its evidence. Filled only when the quote stands verbatim in the source it names
 * ({@link QuoteCheck}) and the value stands in the quote — as written, or as the same date or amount written
 * differently. A verified quote next to a value it does not contain proves nothing about that value.
 */
final class Evidence {

    private Evidence() {
    }

    /** @param answer an answer already validated against {@link FieldFormat#schema} */
    static FieldProposal judge(FieldQuery field, JsonNode answer, Map<Integer, Source> sources) {
        String value = answer.get("value").asText().strip();
        if (!answer.get("found").booleanValue() || value.isEmpty()) {
            return FieldProposal.empty(field.name());
        }
        int n = answer.get("n").intValue();
        String quote = answer.get("quote").asText().strip();
        Source source = sources.get(n);
        boolean verified = source != null && QuoteCheck.verify(quote, source.text()) && inQuote(value, quote, field.name());
        if (!verified) {
            return new FieldProposal(field.name(), FieldProposal.Status.UNSUPPORTED, value, OptionalInt.of(n), quote, false);
        }
        return new FieldProposal(field.name(), FieldProposal.Status.FILLED, formatted(value, field), OptionalInt.of(n), quote, true);
    }

    static boolean inQuote(String value, String quote, String fieldName) {
        if (QuoteCheck.normalise(quote).contains(QuoteCheck.normalise(value))) {
            return true;
        }
        Optional<LocalDate> date = ValueFormats.wholeDate(value);
        if (date.isPresent()) {
            return ValueFormats.allDates(quote).contains(date.get());
        }
        Optional<BigDecimal> amount = ValueFormats.amount(value, fieldName);
        return amount.isPresent() && ValueFormats.allAmounts(quote).stream().anyMatch(written -> written.compareTo(amount.get()) == 0);
    }

    /** Dates in the template's style, amounts in German notation, everything else as the source wrote it. */
    static String formatted(String value, FieldQuery field) {
        Optional<LocalDate> date = ValueFormats.wholeDate(value);
        if (date.isPresent()) {
            return ValueFormats.format(date.get(), ValueFormats.dateStyle(field.description()));
        }
        return ValueFormats.amount(value, field.name()).map(ValueFormats::formatAmount).orElse(value);
    }
}
