package org.hearth.assistant.route.anonymise;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Puts the real values back into a model's answer. Tolerant of how models copy a placeholder — another case,
 * markdown inside the guillemets, a space or a non-breaking hyphen for the underscore, the guillemets dropped —
 * and fails closed: a placeholder that was never issued stops the job instead of reaching the user as a gap.
 */
public final class Restorer {

    private static final String LABELS = Arrays.stream(EntityType.values()).map(EntityType::label).collect(Collectors.joining("|"));
    private static final String JOIN = "[ _\\u2010\\u2011\\u2012\\u2013\\-]?";
    /**
     * A placeholder in guillemets, in any case and with any label (an unknown one is an error), or a bare one as
     * issued — upper case, a known label, an underscore or hyphen — so that "case 2" in a sentence stays text.
     */
    static final Pattern PLACEHOLDER = Pattern.compile(
            "«[ *_]*(?<label>(?iu:\\p{L}{2,12}))" + JOIN + "(?<number>\\d{1,5})[ *_]*»"
                    + "|(?<![\\p{L}\\p{N}])(?<bare>" + LABELS + ")[_\\u2010\\u2011\\-](?<bareNumber>\\d{1,5})(?![\\p{L}\\p{N}])");

    private static final JsonStringEncoder JSON_STRING = JsonStringEncoder.getInstance();

    private final Placeholders placeholders;
    private final boolean insideJson;

    public Restorer(Placeholders placeholders) {
        this(placeholders, false);
    }

    /**
     * @param insideJson the answer is JSON (a structured answer): values go back escaped as JSON string content, so a
     *                   name with a quote or backslash cannot break the document
     */
    public Restorer(Placeholders placeholders, boolean insideJson) {
        this.placeholders = placeholders;
        this.insideJson = insideJson;
    }

    public String restore(String answer) throws AnonymisationException {
        Matcher matcher = PLACEHOLDER.matcher(answer);
        StringBuilder restored = new StringBuilder(answer.length());
        int at = 0;
        while (matcher.find()) {
            String label = matcher.group("label") != null ? matcher.group("label") : matcher.group("bare");
            String number = matcher.group("label") != null ? matcher.group("number") : matcher.group("bareNumber");
            EntityType type = EntityType.ofLabel(label);
            String value = type == null ? null
                    : placeholders.value(new Placeholder(type, Integer.parseInt(number))).orElse(null);
            if (value == null) {
                throw new AnonymisationException("The answer holds a placeholder that was never issued ("
                        + (type == null ? "unknown kind" : type.label()) + "); it was not shown.");
            }
            restored.append(answer, at, matcher.start()).append(insideJson ? new String(JSON_STRING.quoteAsString(value)) : value);
            at = matcher.end();
        }
        return restored.append(answer, at, answer.length()).toString();
    }
}
