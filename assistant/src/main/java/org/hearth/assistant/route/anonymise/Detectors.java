package org.hearth.assistant.route.anonymise;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/** The detectors the anonymiser runs on every text, by the form of the data. */
final class Detectors {

    private static final int FLAGS = Pattern.UNICODE_CASE | Pattern.UNICODE_CHARACTER_CLASS;

    private static final String MONTHS_DE = "Januar|Jänner|Februar|März|April|Mai|Juni|Juli|August|September|Oktober|November|Dezember";
    private static final String MONTHS_EN = "January|February|March|April|May|June|July|August|September|October|November|December";
    private static final String DATE = "\\d{1,2}\\.[ ]?\\d{1,2}\\.[ ]?(?:\\d{4}|\\d{2})"
            + "|\\d{1,2}\\.[ ]?(?:" + MONTHS_DE + ")[ ]\\d{4}"
            + "|\\d{4}-\\d{2}-\\d{2}"
            + "|\\d{1,2}(?:st|nd|rd|th)?[ ](?:" + MONTHS_EN + ")[ ]\\d{4}"
            + "|(?:" + MONTHS_EN + ")[ ]\\d{1,2}(?:st|nd|rd|th)?,[ ]\\d{4}"
            + "|\\d{1,2}/\\d{1,2}/\\d{4}";

    private Detectors() {
    }

    /** All detectors; {@code firmFileNumber} is the firm's own file-number format, where it configured one. */
    static List<Detector> standard(Optional<Pattern> firmFileNumber) {
        List<Detector> detectors = new ArrayList<>(List.of(
                new IbanDetector(),
                taxId(),
                courtFileNumbers(),
                firmFileNumberAfterMarker(),
                new PhoneDetector(),
                email(),
                birthDate(),
                licencePlate(),
                licencePlateAfterMarker(),
                new AddressDetector(),
                new PersonDetector(),
                new UntitledNameDetector(),
                organisation()));
        firmFileNumber.ifPresent(pattern -> detectors.add(new PatternDetector(EntityType.FIRM_FILE_NUMBER, pattern)));
        return List.copyOf(detectors);
    }

    static Detector taxId() {
        return new PatternDetector(EntityType.TAX_ID, Pattern.compile("(?<![\\d])\\d{2}[ ]?\\d{3}[ ]?\\d{3}[ ]?\\d{3}(?!\\d)"),
                value -> Checksums.validTaxId(value.replace(" ", "")));
    }

    /**
     * German court file numbers: "12 O 3456/25", "5 StR 231/03", "1 BvR 123/20", "123 Js 4567/24" (register
     * number, register letters, running number, year), Federal Court senates "VII ZR 123/24", social and
     * administrative courts "L 5 AS 123/20".
     */
    static Detector courtFileNumbers() {
        return new PatternDetector(EntityType.COURT_FILE_NUMBER, Pattern.compile(
                "(?<![\\w/])(?:\\d{1,3}[ ]?\\p{Lu}[A-Za-z]{0,3}|[IVX]{1,6}[ ]?\\p{Lu}[A-Za-z]{0,3}(?:[ ]?\\(\\p{L}{1,4}\\))?"
                        + "|\\p{Lu}[ ]\\d{1,3}[ ]\\p{Lu}[A-Za-z]{0,3})[ ]\\d{1,6}/\\d{2,4}(?![\\w/])", FLAGS));
    }

    static Detector firmFileNumberAfterMarker() {
        return new PatternDetector(EntityType.FIRM_FILE_NUMBER, Pattern.compile(
                "(?i:unser(?:e)?[ ](?:Zeichen|Az\\.?|Aktenzeichen|Akte)|Akte(?:[ ]Nr\\.)?|Ihr(?:e)?[ ](?:Zeichen|Az\\.?|Aktenzeichen)|"
                        + "our[ ](?:ref(?:erence)?\\.?|file)|your[ ]ref(?:erence)?\\.?)[ ]?[:.]?[ ]*"
                        + "(?<value>[A-Z0-9][A-Za-z0-9./-]*\\d[A-Za-z0-9/-]*)", FLAGS));
    }

    static Detector email() {
        return new PatternDetector(EntityType.EMAIL,
                Pattern.compile("(?<![\\p{L}\\p{N}._%+-])[\\p{L}\\p{N}._%+-]+@[\\p{L}\\p{N}-]+(?:\\.[\\p{L}\\p{N}-]+)*\\.\\p{L}{2,}", FLAGS));
    }

    /** A date is a date of birth only after a marker: "geb.", "geboren am", "*", "born on", "date of birth". */
    static Detector birthDate() {
        return new PatternDetector(EntityType.BIRTH_DATE, Pattern.compile(
                "(?i:geb\\.(?:[ ]am)?|geboren(?:[ ]am)?|Geburtsdatum:?|\\*|born(?:[ ]on)?|date[ ]of[ ]birth:?|DOB:?|d\\.o\\.b\\.:?)"
                        + "[ ]?(?<value>" + DATE + ")", FLAGS));
    }

    /** German plates with the hyphen: "M-AB 1234", "B-XY 123E". */
    static Detector licencePlate() {
        return new PatternDetector(EntityType.LICENCE_PLATE, Pattern.compile(
                "(?<![\\p{L}\\d-])[A-ZÄÖÜ]{1,3}-[A-Z]{1,2}[ ]?\\d{1,4}[EH]?(?![\\p{L}\\d])", FLAGS));
    }

    /** After a marker also the spaced German form and the British one: "Kennzeichen: M AB 1234", "AB12 CDE". */
    static Detector licencePlateAfterMarker() {
        return new PatternDetector(EntityType.LICENCE_PLATE, Pattern.compile(
                "(?i:amtl(?:iches|\\.)?[ ]Kennzeichen|Kfz-Kennzeichen|Kennzeichen|licen[cs]e[ ]plate|registration(?:[ ]number)?)"
                        + ":?[ ](?<value>[A-ZÄÖÜ]{1,3}[ ][A-Z]{1,2}[ ]?\\d{1,4}[EH]?|[A-Z]{2}\\d{2}[ ]?[A-Z]{3})(?![\\p{L}\\d])", FLAGS));
    }

    static Detector organisation() {
        String word = "[\\p{Lu}\\d][\\p{L}\\p{N}&.'’+-]*";
        return new PatternDetector(EntityType.ORGANISATION, Pattern.compile(
                "(?<![\\p{L}\\p{N}])(?<value>(?!(?:Die|Der|Das|Den|Dem|The|Firma|Unsere|Ihre|Gegen|An|Von|Bei|Für|Mandantin|Mandant|Sehr)[ ])"
                        + "(?:" + word + "[ ]){0,4}" + word + "[ ](?:GmbH[ ]&[ ]Co\\.[ ]KG|gGmbH|GmbH|mbH|AG|KGaA|KG|OHG|GbR|PartG[ ]mbB|PartG|"
                        + "e\\.[ ]?V\\.|eG|UG[ ]\\(haftungsbeschränkt\\)|UG|SE|Ltd\\.?|Limited|LLC|LLP|Inc\\.?|PLC|plc|Corp\\.?))"
                        + "(?![\\p{L}\\p{N}])", FLAGS));
    }
}
