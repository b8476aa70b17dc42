package org.hearth.assistant.route.anonymise;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Names after a form of address or title ("Herrn Dr. Klaus Weber", "Frau Yılmaz", "Mr O'Brien") and under a
 * closing formula. German capitalises every noun, so after the first word a name only goes on while it is followed
 * by the end of the phrase (punctuation, a line end, "und"/"and", a bracket): "Frau Schmidt Recht gegeben" is
 * "Schmidt", "an Herrn Mehmet Yılmaz, der" is "Mehmet Yılmaz".
 */
final class PersonDetector implements Detector {

    private static final int FLAGS = Pattern.UNICODE_CASE | Pattern.UNICODE_CHARACTER_CLASS;
    private static final Pattern AFTER_TITLE = Pattern.compile("(?<![\\p{L}])" + NamePatterns.TITLE
            + "(?:[ \\u00A0]" + NamePatterns.TITLE + ")*[ \\u00A0](?<value>" + NamePatterns.PERSON + ")", FLAGS);
    private static final Pattern UNDER_CLOSING = Pattern.compile(
            "(?:Mit freundlichen Grüßen|Freundliche Grüße|Viele Grüße|Beste Grüße|Herzliche Grüße|Hochachtungsvoll|"
                    + "Kind regards|Best regards|Yours sincerely|Yours faithfully|Sincerely|gez\\.)[,]?[ \\t]*\\R(?:[ \\t]*\\R)*[ \\t]*"
                    + "(?:" + NamePatterns.TITLE + "[ \\u00A0])*(?<value>" + NamePatterns.PERSON + ")[ \\t]*(?=\\R|$)", FLAGS);
    private static final Pattern WORD = Pattern.compile(NamePatterns.WORD, FLAGS);
    private static final Pattern PHRASE_END = Pattern.compile("(?:[ \\t]*(?:[,.;:!?()\\[\\]<>\"„“”]|\\R|$)|[ ](?:und|and|sowie|or|oder)[ ])", FLAGS);

    @Override
    public List<Finding> find(String text) {
        List<Finding> found = new ArrayList<>();
        Matcher matcher = AFTER_TITLE.matcher(text);
        while (matcher.find()) {
            int end = nameEnd(text, matcher.start("value"), matcher.end("value"));
            found.add(new Finding(EntityType.PERSON, matcher.start("value"), end));
        }
        Matcher closing = UNDER_CLOSING.matcher(text);
        while (closing.find()) {
            found.add(new Finding(EntityType.PERSON, closing.start("value"), closing.end("value")));
        }
        return found;
    }

    /**
     * The longest prefix of the matched words that ends a phrase; the first word alone where none does. Particles
     * belong to the name that follows them.
     */
    private static int nameEnd(String text, int start, int end) {
        Matcher words = WORD.matcher(text).region(start, end);
        int firstEnd = -1;
        int best = -1;
        while (words.find()) {
            if (firstEnd < 0) {
                firstEnd = words.end();
            }
            if (PHRASE_END.matcher(text).region(words.end(), text.length()).lookingAt()) {
                best = words.end();
            }
        }
        return best > 0 ? best : firstEnd;
    }
}
