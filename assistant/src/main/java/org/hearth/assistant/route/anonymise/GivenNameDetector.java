package org.hearth.assistant.route.anonymise;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Names written without a title ("bitte ruf Klaus Weber zurück"): a known given name, a second given name where
 * there is one, particles, and the capitalised word after them. The list of given names is a resource.
 */
final class GivenNameDetector implements Detector {

    private static final int FLAGS = Pattern.UNICODE_CASE | Pattern.UNICODE_CHARACTER_CLASS;
    private static final Pattern CANDIDATE = Pattern.compile("(?<![\\p{L}\\p{N}])(?<given>" + NamePatterns.WORD + ")"
            + "(?<second>[ ]" + NamePatterns.WORD + ")?[ ](?:" + NamePatterns.PARTICLE + "[ ])*(?<family>" + NamePatterns.WORD + ")", FLAGS);
    private static final Set<String> GIVEN_NAMES = load();

    @Override
    public List<Finding> find(String text) {
        List<Finding> found = new ArrayList<>();
        Matcher matcher = CANDIDATE.matcher(text);
        int from = 0;
        while (matcher.find(from)) {
            String second = matcher.group("second");
            if (isGiven(matcher.group("given")) && (second == null || isGiven(second.strip()))) {
                found.add(new Finding(EntityType.PERSON, matcher.start(), matcher.end()));
                from = matcher.end();
            } else if (isGiven(matcher.group("given")) && second != null) {
                // "Klaus Weber Bescheid": the second word is the family name, not a second given name
                found.add(new Finding(EntityType.PERSON, matcher.start(), matcher.end("second")));
                from = matcher.end("second");
            } else {
                from = matcher.end("given");
            }
        }
        return found;
    }

    private static boolean isGiven(String word) {
        for (String part : word.split("-")) {
            if (!GIVEN_NAMES.contains(part)) {
                return false;
            }
        }
        return true;
    }

    private static Set<String> load() {
        try (InputStream in = GivenNameDetector.class.getResourceAsStream("given-names.txt")) {
            if (in == null) {
                throw new IllegalStateException("given-names.txt is missing from the build");
            }
            return new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).lines()
                    .map(String::strip).filter(line -> !line.isEmpty() && !line.startsWith("#")).collect(Collectors.toUnmodifiableSet());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
