package org.hearth.assistant.route.anonymise;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Replaces client data in a text with placeholders before the text may leave the machine (German and English
 * legal text). Two passes: the detectors find values by their form; then every value the job knows — found, or
 * given as {@link KnownEntity} — is replaced wherever it is written again, in any case or spacing. The result is
 * checked: if a known value is still in the outgoing text, nothing is returned (fails closed).
 */
public final class Anonymiser {

    private final Placeholders placeholders;
    private final List<Detector> detectors;

    /**
     * @param placeholders   the job's (or matter's) placeholders, shared by all its texts
     * @param known          values known before reading: senders, recipients, the account owner, a letterhead
     * @param firmFileNumber the firm's own file-number format, where it configured one
     */
    public Anonymiser(Placeholders placeholders, List<KnownEntity> known, Optional<Pattern> firmFileNumber) {
        this.placeholders = placeholders;
        this.detectors = Detectors.standard(firmFileNumber);
        for (KnownEntity entity : known) {
            placeholders.of(entity.type(), entity.value());
        }
    }

    public Placeholders placeholders() {
        return placeholders;
    }

    /** Safe to call from several threads of one job: the placeholders are taken one text at a time. */
    public Anonymised anonymise(String text) throws AnonymisationException {
        synchronized (placeholders) {
            return anonymiseAlone(text);
        }
    }

    private Anonymised anonymiseAlone(String text) throws AnonymisationException {
        List<Finding> found = new ArrayList<>();
        for (Detector detector : detectors) {
            found.addAll(detector.find(text));
        }
        for (Finding finding : Overlaps.resolve(found)) {
            placeholders.of(finding.type(), finding.in(text));
        }
        List<Finding> everywhere = new ArrayList<>(found);
        for (Placeholders.Form form : placeholders.forms()) {
            Matcher matcher = form.pattern().matcher(text);
            while (matcher.find()) {
                everywhere.add(new Finding(form.type(), matcher.start(), matcher.end()));
            }
        }
        Anonymised anonymised = replace(text, Overlaps.resolve(everywhere));
        checkNoKnownValueLeft(anonymised.outgoing());
        return anonymised;
    }

    private Anonymised replace(String text, List<Finding> findings) {
        StringBuilder outgoing = new StringBuilder(text.length());
        List<Anonymised.Replacement> replacements = new ArrayList<>(findings.size());
        int at = 0;
        for (Finding finding : findings) {
            outgoing.append(text, at, finding.start());
            Placeholder placeholder = placeholders.of(finding.type(), finding.in(text));
            int start = outgoing.length();
            outgoing.append(placeholder.text());
            replacements.add(new Anonymised.Replacement(start, outgoing.length(), placeholder, finding.in(text)));
            at = finding.end();
        }
        outgoing.append(text, at, text.length());
        return new Anonymised(outgoing.toString(), replacements);
    }

    private void checkNoKnownValueLeft(String outgoing) throws AnonymisationException {
        for (Placeholders.Form form : placeholders.forms()) {
            if (form.pattern().matcher(outgoing).find()) {
                throw new AnonymisationException("A known " + form.type().label() + " value is still in the text to be sent; "
                        + "nothing was sent.");
            }
        }
    }
}
