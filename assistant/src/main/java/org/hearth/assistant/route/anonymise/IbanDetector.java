package org.hearth.assistant.route.anonymise;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * IBANs written compact or in groups ("DE89 3704 0044 0532 0130 00"). The country's length decides where the
 * number ends, so a following upper-case word ("BIC") is not taken in; the mod-97 check rejects other codes.
 */
final class IbanDetector implements Detector {

    private static final Pattern CANDIDATE = Pattern.compile("(?<![A-Za-z0-9])[A-Z]{2}\\d{2}(?:[ ]?[A-Z0-9]){10,32}");

    @Override
    public List<Finding> find(String text) {
        List<Finding> found = new ArrayList<>();
        Matcher matcher = CANDIDATE.matcher(text);
        int from = 0;
        while (from < text.length() && matcher.find(from)) {
            int start = matcher.start();
            int length = Checksums.ibanLength(text.substring(start, start + 2));
            int end = length < 0 ? -1 : endOfCompact(text, start, matcher.end(), length);
            if (end > 0 && Checksums.validIban(text.substring(start, end).replace(" ", ""))) {
                found.add(new Finding(EntityType.IBAN, start, end));
                from = end;
            } else {
                from = start + 1;
            }
        }
        return found;
    }

    /** Where the {@code length}-th non-space character ends, or -1 if the candidate is shorter. */
    private static int endOfCompact(String text, int start, int limit, int length) {
        int seen = 0;
        for (int i = start; i < limit; i++) {
            if (text.charAt(i) != ' ' && ++seen == length) {
                return i + 1;
            }
        }
        return -1;
    }
}
