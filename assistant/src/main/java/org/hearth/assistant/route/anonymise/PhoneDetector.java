package org.hearth.assistant.route.anonymise;

import com.google.i18n.phonenumbers.PhoneNumberMatch;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import java.util.ArrayList;
import java.util.List;

/**
 * Phone and fax numbers in any notation ("+49 (0)89 123 456-78", "030/1234567", "+44 20 7946 0958"), through
 * libphonenumber: it knows every country's number lengths, so dates, amounts and file numbers are not taken.
 * Numbers without a country code are read as German.
 */
final class PhoneDetector implements Detector {

    private static final PhoneNumberUtil PHONES = PhoneNumberUtil.getInstance();

    @Override
    public List<Finding> find(String text) {
        List<Finding> found = new ArrayList<>();
        for (PhoneNumberMatch match : PHONES.findNumbers(text, "DE", PhoneNumberUtil.Leniency.VALID, Long.MAX_VALUE)) {
            found.add(new Finding(EntityType.PHONE, match.start(), match.end()));
        }
        return found;
    }
}
