package org.hearth.assistant.route.anonymise;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A detector that is a regular expression, optionally with a check on the match (a checksum); the finding is the
 * group named {@code value} where the pattern has one (a marker such as "geb." is context, not client data).
 */
final class PatternDetector implements Detector {

    private final EntityType type;
    private final Pattern pattern;
    private final Predicate<String> check;

    PatternDetector(EntityType type, Pattern pattern, Predicate<String> check) {
        this.type = type;
        this.pattern = pattern;
        this.check = check;
    }

    PatternDetector(EntityType type, Pattern pattern) {
        this(type, pattern, value -> true);
    }

    @Override
    public List<Finding> find(String text) {
        List<Finding> found = new ArrayList<>();
        Matcher matcher = pattern.matcher(text);
        boolean named = pattern.pattern().contains("(?<value>");
        while (matcher.find()) {
            int start = named ? matcher.start("value") : matcher.start();
            int end = named ? matcher.end("value") : matcher.end();
            if (start >= 0 && end > start && check.test(text.substring(start, end))) {
                found.add(new Finding(type, start, end));
            }
        }
        return found;
    }
}
