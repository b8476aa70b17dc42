package org.hearth.assistant.task.draft;

import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Dates and amounts as a German law firm writes them. A date is written in the template's style: numeric
 * "12.01.2026" unless the field's description shows the long form ("12. Januar 2026"); an amount as
 * "1.234,56 €". Values that are neither are left as they are.
 */
final class ValueFormats {

    enum DateStyle { NUMERIC, LONG }

    private static final Locale GERMAN = Locale.GERMANY;
    private static final DateTimeFormatter NUMERIC = DateTimeFormatter.ofPattern("dd.MM.yyyy", GERMAN);
    private static final DateTimeFormatter LONG = DateTimeFormatter.ofPattern("d. MMMM yyyy", GERMAN);

    private static final Map<String, Integer> MONTHS = Map.ofEntries(
            Map.entry("januar", 1), Map.entry("jänner", 1), Map.entry("january", 1), Map.entry("jan", 1),
            Map.entry("februar", 2), Map.entry("february", 2), Map.entry("feb", 2),
            Map.entry("märz", 3), Map.entry("maerz", 3), Map.entry("march", 3), Map.entry("mär", 3), Map.entry("mar", 3),
            Map.entry("april", 4), Map.entry("apr", 4),
            Map.entry("mai", 5), Map.entry("may", 5),
            Map.entry("juni", 6), Map.entry("june", 6), Map.entry("jun", 6),
            Map.entry("juli", 7), Map.entry("july", 7), Map.entry("jul", 7),
            Map.entry("august", 8), Map.entry("aug", 8),
            Map.entry("september", 9), Map.entry("sept", 9), Map.entry("sep", 9),
            Map.entry("oktober", 10), Map.entry("october", 10), Map.entry("okt", 10), Map.entry("oct", 10),
            Map.entry("november", 11), Map.entry("nov", 11),
            Map.entry("dezember", 12), Map.entry("december", 12), Map.entry("dez", 12), Map.entry("dec", 12));

    private static final Pattern NUMERIC_DATE = Pattern.compile("(?<!\\d)(\\d{1,2})\\.\\s?(\\d{1,2})\\.\\s?(\\d{4})(?!\\d)");
    private static final Pattern ISO_DATE = Pattern.compile("(?<!\\d)(\\d{4})-(\\d{2})-(\\d{2})(?!\\d)");
    private static final Pattern DAY_MONTH_NAME = Pattern.compile("(?<!\\d)(\\d{1,2})\\.?\\s+(\\p{L}+)\\.?\\s+(\\d{4})(?!\\d)");
    private static final Pattern MONTH_NAME_DAY = Pattern.compile("(\\p{L}+)\\.?\\s+(\\d{1,2}),?\\s+(\\d{4})(?!\\d)");
    /** An example in the description like "12. Januar 2026" or the hint "T. Monat JJJJ". */
    private static final Pattern LONG_HINT = Pattern.compile("\\d{1,2}\\.\\s+\\p{L}{3,}\\s+\\d{4}|T\\.\\s*Monat\\s*JJJJ|ausgeschrieben");

    private static final Pattern AMOUNT = Pattern.compile(
            "(?:(€|EUR|Euro)\\s*)?(-?\\d{1,3}(?:[.,'\\u00A0 ]\\d{3})*(?:[.,]\\d{1,2})?|-?\\d+(?:[.,]\\d{1,2})?)\\s*(€|EUR|Euro)?",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern AMOUNT_FIELD = Pattern.compile("betrag|summe|forderung|kosten|streitwert|honorar|preis|amount|miete",
            Pattern.CASE_INSENSITIVE);

    private ValueFormats() {
    }

    static DateStyle dateStyle(String description) {
        return LONG_HINT.matcher(description).find() ? DateStyle.LONG : DateStyle.NUMERIC;
    }

    /** The first date written anywhere in {@code text}, in any of the usual German and English forms. */
    static Optional<LocalDate> date(String text) {
        return dates(text, false);
    }

    /** Every date written in {@code text}. */
    static List<LocalDate> allDates(String text) {
        List<LocalDate> found = new ArrayList<>();
        for (Pattern pattern : new Pattern[] {NUMERIC_DATE, ISO_DATE, DAY_MONTH_NAME, MONTH_NAME_DAY}) {
            Matcher matcher = pattern.matcher(text);
            while (matcher.find()) {
                date(pattern, matcher).ifPresent(found::add);
            }
        }
        return found;
    }

    /** Every number written in {@code text}, read as an amount. */
    static List<BigDecimal> allAmounts(String text) {
        List<BigDecimal> found = new ArrayList<>();
        Matcher matcher = AMOUNT.matcher(text);
        while (matcher.find()) {
            found.add(number(matcher.group(2)));
        }
        return found;
    }

    /** The value if the whole of it is one date, else empty. */
    static Optional<LocalDate> wholeDate(String value) {
        return dates(value.strip(), true);
    }

    private static Optional<LocalDate> dates(String text, boolean whole) {
        for (Pattern pattern : new Pattern[] {NUMERIC_DATE, ISO_DATE, DAY_MONTH_NAME, MONTH_NAME_DAY}) {
            Matcher matcher = pattern.matcher(text);
            if (whole) {
                if (matcher.matches()) {
                    return date(pattern, matcher);
                }
                continue;
            }
            while (matcher.find()) {
                Optional<LocalDate> date = date(pattern, matcher);
                if (date.isPresent()) {
                    return date;
                }
            }
        }
        return Optional.empty();
    }

    private static Optional<LocalDate> date(Pattern pattern, Matcher m) {
        if (pattern == NUMERIC_DATE) {
            return date(m.group(3), m.group(2), m.group(1));
        }
        if (pattern == ISO_DATE) {
            return date(m.group(1), m.group(2), m.group(3));
        }
        boolean dayFirst = pattern == DAY_MONTH_NAME;
        Integer month = MONTHS.get(m.group(dayFirst ? 2 : 1).toLowerCase(GERMAN));
        return month == null ? Optional.empty() : date(m.group(3), month.toString(), m.group(dayFirst ? 1 : 2));
    }

    private static Optional<LocalDate> date(String year, String month, String day) {
        try {
            return Optional.of(LocalDate.of(Integer.parseInt(year), Integer.parseInt(month), Integer.parseInt(day)));
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }

    static String format(LocalDate date, DateStyle style) {
        return (style == DateStyle.LONG ? LONG : NUMERIC).format(date);
    }

    /** An amount in the value: with a currency, or any number when the field is one of money. */
    static Optional<BigDecimal> amount(String value, String fieldName) {
        Matcher matcher = AMOUNT.matcher(value.strip());
        if (!matcher.matches()) {
            return Optional.empty();
        }
        boolean currency = matcher.group(1) != null || matcher.group(3) != null;
        if (!currency && !AMOUNT_FIELD.matcher(fieldName).find()) {
            return Optional.empty();
        }
        return Optional.of(number(matcher.group(2)));
    }

    /** "1.234,56", "1,234.56", "1 234,5", "1234": the last separator followed by one or two digits is the decimal one. */
    private static BigDecimal number(String digits) {
        String plain = digits.replaceAll("['\\u00A0 ]", "");
        int decimal = Math.max(plain.lastIndexOf(','), plain.lastIndexOf('.'));
        if (decimal >= 0 && plain.length() - decimal - 1 <= 2) {
            String whole = plain.substring(0, decimal).replaceAll("[.,]", "");
            return new BigDecimal(whole + "." + plain.substring(decimal + 1));
        }
        return new BigDecimal(plain.replaceAll("[.,]", ""));
    }

    static String formatAmount(BigDecimal amount) {
        DecimalFormat format = new DecimalFormat("#,##0.00", DecimalFormatSymbols.getInstance(GERMAN));
        return format.format(amount) + " €";
    }
}
