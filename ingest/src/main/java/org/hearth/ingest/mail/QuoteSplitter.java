package org.hearth.ingest.mail;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Splits a mail's plain text into what the author wrote, the signature ("-- " line) and the quoted history
 * (an "Am … schrieb …:" / "On … wrote:" line, an Outlook "Original Message" separator or an Outlook header block
 * "Von:/Gesendet:/An:/Betreff:" / "From:/Sent:/To:/Subject:" and all after it, and any line starting with "&gt;").
 */
final class QuoteSplitter {

    record Parts(String body, String quoted, String signature) {
    }

    private static final Pattern ATTRIBUTION = Pattern.compile(
            "(?i)^\\s*(am|on|le|el|il|op)\\s.{1,300}(schrieb|wrote|a écrit|escribió|ha scritto|schreef)[^:]{0,80}:\\s*$");
    private static final Pattern ATTRIBUTION_START = Pattern.compile("(?i)^\\s*(am|on)\\s.*");
    private static final Pattern SEPARATOR = Pattern.compile(
            "(?i)^\\s*-{2,}\\s*(original message|ursprüngliche nachricht|original-nachricht|weitergeleitete nachricht|forwarded message)\\s*-{2,}\\s*$");
    // Outlook quotes with a header block instead of an attribution line; a sender line directly followed by a
    // date line tells it from a body that merely mentions "Von:". Bold markers (*) come from HTML-to-text.
    private static final Pattern HEADER_FROM = Pattern.compile("(?i)^\\s*\\*?(von|from)\\s*:\\*?\\s*\\S.*");
    private static final Pattern HEADER_SENT = Pattern.compile("(?i)^\\s*\\*?(gesendet|sent|datum|date)\\s*:\\*?\\s*\\S.*");
    /** The rule Outlook draws above its header block. */
    private static final Pattern HEADER_RULE = Pattern.compile("^\\s*_{10,}\\s*$");
    private static final Pattern SIGNATURE = Pattern.compile("^--\\s?$");

    private QuoteSplitter() {
    }

    static Parts split(String text) {
        String[] lines = text.split("\\r?\\n", -1);
        int historyStart = lines.length;
        for (int i = 0; i < lines.length; i++) {
            if (ATTRIBUTION.matcher(lines[i]).matches() || SEPARATOR.matcher(lines[i]).matches()) {
                historyStart = i;
                break;
            }
            if (i + 1 < lines.length && HEADER_FROM.matcher(lines[i]).matches() && HEADER_SENT.matcher(lines[i + 1]).matches()) {
                historyStart = i > 0 && HEADER_RULE.matcher(lines[i - 1]).matches() ? i - 1 : i;
                break;
            }
            // an attribution wrapped over two lines
            if (i + 1 < lines.length && ATTRIBUTION_START.matcher(lines[i]).matches()
                    && ATTRIBUTION.matcher(lines[i] + " " + lines[i + 1]).matches()) {
                historyStart = i;
                break;
            }
        }
        List<String> body = new ArrayList<>();
        List<String> signature = new ArrayList<>();
        List<String> quoted = new ArrayList<>();
        boolean inSignature = false;
        for (int i = 0; i < historyStart; i++) {
            String line = lines[i];
            if (line.startsWith(">")) {
                quoted.add(line);
            } else if (!inSignature && SIGNATURE.matcher(line).matches()) {
                inSignature = true;
            } else if (inSignature) {
                signature.add(line);
            } else {
                body.add(line);
            }
        }
        for (int i = historyStart; i < lines.length; i++) {
            quoted.add(lines[i]);
        }
        return new Parts(join(body), join(quoted), join(signature));
    }

    private static String join(List<String> lines) {
        return String.join("\n", lines).strip();
    }
}
