package org.hearth.app.drafting;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.hearth.fixtures.documents.TestTemplates;
import org.hearth.fixtures.openai.LoopbackOpenAiServer;

/**
 * A claim with its parties and file number, and a firm server that answers the client field from what it received:
 * the placeholders of the anonymised passage, never the names. Every other field it does not find.
 */
public final class ServerReadingPlaceholders {

    public static final String CLIENT = "Erika Müller";
    public static final String OPPONENT = "Max Schmidt";
    public static final String CASE = "12 C 345/26";
    public static final String FACTS = "In dem Rechtsstreit " + CLIENT + " ./. " + OPPONENT + ", Az. " + CASE
            + ", wurde die Klage am 12. Januar 2026 zugestellt.\n";
    private static final Pattern PARTIES = Pattern.compile("In dem Rechtsstreit («[A-Z]+_\\d+») \\./\\. («[A-Z]+_\\d+»)");

    private ServerReadingPlaceholders() {
    }

    public static void answerTheClientField(LoopbackOpenAiServer server) {
        server.answerWith(request -> {
            String user = request.at("/messages/1/content").asText();
            Matcher parties = PARTIES.matcher(user);
            if (user.contains("Feld: " + TestTemplates.CLIENT) && parties.find()) {
                return Optional.of("{\"found\":true,\"value\":\"" + parties.group(1) + "\",\"n\":1,\"quote\":\"" + parties.group() + "\"}");
            }
            return Optional.of("{\"found\":false,\"value\":\"\",\"n\":1,\"quote\":\"\"}");
        });
    }
}
