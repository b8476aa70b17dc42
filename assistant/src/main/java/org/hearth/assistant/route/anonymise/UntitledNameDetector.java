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
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Names written without a title ("bitte ruf Klaus Weber zurück", "ruf Hauke Jäger zurück"): either a known given
 * name, a second given name where there is one, particles, and the capitalised word after them; or any capitalised
 * word that cannot open a phrase on its own (not an article, greeting, role or month) before a known family name.
 * The lists are resources. A name with neither a known given nor a known family name is left to the title detector,
 * the values the job knows and the local model.
 */
final class UntitledNameDetector implements Detector {

    private static final int FLAGS = Pattern.UNICODE_CASE | Pattern.UNICODE_CHARACTER_CLASS;
    private static final Pattern CANDIDATE = Pattern.compile("(?<![\\p{L}\\p{N}])(?<given>" + NamePatterns.WORD + ")"
            + "(?<second>[ ]" + NamePatterns.WORD + ")?[ ](?:" + NamePatterns.PARTICLE + "[ ])*(?<family>" + NamePatterns.WORD + ")", FLAGS);
    private static final Set<String> GIVEN_NAMES = load("given-names.txt");
    private static final Set<String> FAMILY_NAMES = load("family-names.txt");
    private static final Set<String> OPENERS = load("name-openers.txt");

    @Override
    public List<Finding> find(String text) {
        List<Finding> found = new ArrayList<>();
        Matcher matcher = CANDIDATE.matcher(text);
        int from = 0;
        while (matcher.find(from)) {
            String given = matcher.group("given");
            String second = matcher.group("second") == null ? null : matcher.group("second").strip();
            int end = nameEnd(matcher, given, second);
            if (end > 0) {
                found.add(new Finding(EntityType.PERSON, matcher.start(), end));
                from = end;
            } else {
                from = matcher.end("given");
            }
        }
        return found;
    }

    /** Where the name that starts at the candidate ends, or 0 where it is not a name. */
    private static int nameEnd(Matcher matcher, String given, String second) {
        if (isGiven(given)) {
            // "Klaus Weber Bescheid": a second word that is no given name is the family name
            return second == null || isGiven(second) ? matcher.end() : matcher.end("second");
        }
        if (OPENERS.contains(given)) {
            return 0;
        }
        if (second != null) {
            return isFamily(second) ? matcher.end("second") : 0;
        }
        return isFamily(matcher.group("family")) ? matcher.end() : 0;
    }

    private static boolean isGiven(String word) {
        return allParts(word, GIVEN_NAMES::contains);
    }

    private static boolean isFamily(String word) {
        return !allParts(word, part -> !FAMILY_NAMES.contains(part));
    }

    private static boolean allParts(String word, Predicate<String> test) {
        for (String part : word.split("-")) {
            if (!test.test(part)) {
                return false;
            }
        }
        return true;
    }

    private static Set<String> load(String resource) {
        try (InputStream in = UntitledNameDetector.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is missing from the build");
            }
            return new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).lines()
                    .map(String::strip).filter(line -> !line.isEmpty() && !line.startsWith("#")).collect(Collectors.toUnmodifiableSet());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
