package org.hearth.assistant.route.anonymise;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Street addresses: a street with its house number, a postcode with its city, and both as one finding where they
 * stand together ("Hauptstraße 5, 80331 München"; "221B Baker Street, London NW1 6XE").
 */
final class AddressDetector implements Detector {

    private static final int FLAGS = Pattern.UNICODE_CASE | Pattern.UNICODE_CHARACTER_CLASS;
    private static final String NUMBER = "[ ]\\d{1,4}(?:[ ]?[a-zA-Z])?(?:[ ]?[-–/][ ]?\\d{1,4}[a-zA-Z]?)?(?![\\d/])";
    private static final String STREET_WORD = "(?:straße|strasse|str\\.|weg|allee|platz|gasse|ring|damm|ufer|chaussee|steig|markt|pfad|"
            + "promenade|stieg|graben|kai|wall)";

    private static final List<Detector> PARTS = List.of(
            // "Hauptstraße 5", "Kaiser-Wilhelm-Straße 12a", "Alte Gasse 3", "Am Markt 3", "Unter den Linden 77"
            new PatternDetector(EntityType.ADDRESS, Pattern.compile(
                    "(?<![\\p{L}])(?:(?:\\p{Lu}[\\p{L}.-]*[ ])?\\p{Lu}[\\p{L}-]*(?i:" + STREET_WORD + ")"
                            + "|(?:Am|An[ ]der|Im|In[ ]der|Auf[ ]der|Unter[ ]den|Zum|Zur|Hinter[ ]der|Vor[ ]dem)[ ]\\p{Lu}[\\p{L}-]+)"
                            + NUMBER, FLAGS)),
            // "12 High Street", "221B Baker Street"
            new PatternDetector(EntityType.ADDRESS, Pattern.compile(
                    "(?<![\\p{L}\\d])\\d{1,5}[A-Z]?[ ](?:\\p{Lu}\\p{L}+[ ]){1,3}(?:Street|St\\.|Road|Rd\\.|Avenue|Ave\\.|Lane|Drive|Close|Way|"
                            + "Place|Square|Terrace|Crescent|Court|Gardens|Row|Hill|Mews)(?![\\p{L}])", FLAGS)),
            // "80331 München", "D-10117 Berlin", "60311 Frankfurt am Main"
            new PatternDetector(EntityType.ADDRESS, Pattern.compile(
                    "(?<![\\p{L}\\d.,])(?:D-)?\\d{5}[ ](?!(?:Euro|EUR|Dollar|USD|Stück|Seiten|Tage|Jahre|Mitarbeiter|Kilometer|Zeichen|Wörter)\\b)"
                            + "\\p{Lu}[\\p{L}.-]+(?:[ ](?:am|an[ ]der|im|in[ ]der|bei|ob[ ]der|vor[ ]der)[ ]\\p{Lu}[\\p{L}.-]+|[ ]\\(\\p{Lu}[\\p{L}.-]+\\))?",
                    FLAGS)),
            // "London NW1 6XE", "SW1A 1AA"
            new PatternDetector(EntityType.ADDRESS, Pattern.compile(
                    "(?<![\\p{L}\\d])(?:\\p{Lu}\\p{L}+[ ])?[A-Z]{1,2}\\d[A-Z\\d]?[ ]\\d[A-Z]{2}(?![\\p{L}\\d])", FLAGS)));

    private static final Pattern JOIN = Pattern.compile("[ ]*,?[ ]*(?:\\R[ ]*)?");

    @Override
    public List<Finding> find(String text) {
        List<Finding> parts = new ArrayList<>();
        for (Detector part : PARTS) {
            parts.addAll(part.find(text));
        }
        return joined(Overlaps.resolve(parts), text);
    }

    /** A street followed by its city (after a comma or on the next line) is one address. */
    private static List<Finding> joined(List<Finding> parts, String text) {
        List<Finding> joined = new ArrayList<>();
        for (Finding part : parts) {
            if (!joined.isEmpty()) {
                Finding last = joined.getLast();
                if (JOIN.matcher(text.substring(last.end(), part.start())).matches()) {
                    joined.set(joined.size() - 1, new Finding(EntityType.ADDRESS, last.start(), part.end()));
                    continue;
                }
            }
            joined.add(part);
        }
        return joined;
    }
}
