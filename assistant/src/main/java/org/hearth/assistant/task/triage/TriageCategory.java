package org.hearth.assistant.task.triage;

import java.util.Arrays;

/** What kind of mail it is; {@link #wireName()} is the value in the triage schema. */
public enum TriageCategory {
    CLIENT_REQUEST, COURT_OR_AUTHORITY, DEADLINE_OR_APPOINTMENT, INVOICE_OR_BILLING,
    INTERNAL, NEWSLETTER_OR_MARKETING, SPAM_OR_PHISHING, OTHER;

    public String wireName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    public static TriageCategory fromWireName(String value) {
        return Arrays.stream(values())
                .filter(c -> c.wireName().equals(value))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("Unknown triage category: " + value));
    }
}
