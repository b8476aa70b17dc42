package org.hearth.assistant.task.draft;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.hearth.assistant.task.draft.ValueFormats.DateStyle;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ValueFormatsTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "12.01.2026|2026-01-12", "1.2.2026|2026-02-01", "2026-01-12|2026-01-12", "12. Januar 2026|2026-01-12",
            "3. März 2026|2026-03-03", "January 12, 2026|2026-01-12", "12 January 2026|2026-01-12"})
    void reads_a_date_written_in_any_usual_way(String written, LocalDate date) {
        assertThat(ValueFormats.wholeDate(written)).contains(date);
    }

    @Test
    void a_value_with_more_than_a_date_is_not_one() {
        assertThat(ValueFormats.wholeDate("am 12.01.2026 zugestellt")).isEmpty();
        assertThat(ValueFormats.wholeDate("31.02.2026")).isEmpty();
    }

    @Test
    void writes_dates_numeric_unless_the_description_shows_the_long_form() {
        LocalDate date = LocalDate.of(2026, 1, 12);
        assertThat(ValueFormats.format(date, ValueFormats.dateStyle("Datum der Zustellung"))).isEqualTo("12.01.2026");
        assertThat(ValueFormats.format(date, ValueFormats.dateStyle("Datum, z. B. 3. März 2026"))).isEqualTo("12. Januar 2026");
        assertThat(ValueFormats.dateStyle("TT.MM.JJJJ")).isEqualTo(DateStyle.NUMERIC);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "EUR 1234.50|Betrag|1.234,50 €", "1.234,5 €|Summe|1.234,50 €", "1,234.56 EUR|Kosten|1.234,56 €",
            "250|Streitwert|250,00 €", "12.000 Euro|Honorar|12.000,00 €"})
    void writes_amounts_in_german_notation(String written, String field, String german) {
        assertThat(ValueFormats.amount(written, field).map(ValueFormats::formatAmount)).contains(german);
    }

    @Test
    void a_number_without_currency_is_an_amount_only_in_a_money_field() {
        assertThat(ValueFormats.amount("345", "Aktenzeichen")).isEmpty();
        assertThat(ValueFormats.amount("12 C 345/26", "Betrag")).isEmpty();
    }
}
