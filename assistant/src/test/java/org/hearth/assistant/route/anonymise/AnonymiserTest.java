package org.hearth.assistant.route.anonymise;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class AnonymiserTest {

    private static final String LETTER = """
            Weber & Partner Rechtsanwälte, Kaiser-Wilhelm-Straße 12a, 20355 Hamburg
            Tel. +49 40 3018 2240, Fax 040 30182241, kanzlei@weber-partner.de

            An die Nordlicht Logistik GmbH
            Herrn Dr. Mehmet Yılmaz
            Am Sandtorkai 7
            20457 Hamburg

            Unser Zeichen: 2025/0142-WE
            Ihr Aktenzeichen: 12 O 3456/25 (LG Hamburg), Revision VII ZR 123/24

            Sehr geehrter Herr Yılmaz,

            unsere Mandantin, Frau Zofia Łukasiewicz (geb. 14.03.1978), Steuer-ID 86095742719, verlangt die Rückzahlung
            auf ihr Konto DE89 3704 0044 0532 0130 00. Herrn Yılmaz' Fahrzeug HH-AB 1234 wurde am 3. März gesehen;
            YILMAZ bestreitet das. Die Nordlicht Logistik schuldet 10000 Euro.

            Mit freundlichen Grüßen

            Jana Weber
            Rechtsanwältin
            """;

    private final Placeholders placeholders = new Placeholders();

    private Anonymised anonymise(String text, KnownEntity... known) throws AnonymisationException {
        return new Anonymiser(placeholders, List.of(known), Optional.empty()).anonymise(text);
    }

    @Test
    void everyKindOfClientDataInAGermanLetterIsReplaced() throws AnonymisationException {
        String outgoing = anonymise(LETTER).outgoing();

        assertThat(outgoing).doesNotContain("Yılmaz", "YILMAZ", "Łukasiewicz", "Jana Weber", "Nordlicht Logistik",
                "Kaiser-Wilhelm-Straße", "20355", "Sandtorkai", "3018 2240", "30182241", "kanzlei@weber-partner.de",
                "2025/0142", "3456/25", "123/24", "14.03.1978", "86095742719", "DE89", "0532 0130", "HH-AB 1234");
        assertThat(outgoing).as("what is not client data stays")
                .contains("Sehr geehrter", "verlangt die Rückzahlung", "10000 Euro", "am 3. März gesehen", "Rechtsanwältin");
        assertThat(outgoing).contains("«IBAN_1»", "«TAXID_1»", "«BIRTHDATE_1»", "«PLATE_1»", "«EMAIL_1»", "«FILE_1»",
                "«CASE_1»", "«CASE_2»", "«ORG_1»");
    }

    @Test
    void aPersonKeepsOnePlaceholderInEveryWritingAndEveryTextOfTheJob() throws AnonymisationException {
        String first = anonymise("Sehr geehrter Herr Klaus Weber, wir schreiben Ihnen.").outgoing();
        String second = anonymise("Webers Antwort kam spät; WEBER schrieb: weber@example.org ist neu. Weber-Schmidt nicht.").outgoing();

        Placeholder weber = placeholders.all().entrySet().stream().filter(e -> e.getValue().equals("Klaus Weber"))
                .findFirst().orElseThrow().getKey();
        assertThat(first).contains(weber.text() + ", wir");
        assertThat(second).startsWith(weber.text() + "s Antwort").contains("; " + weber.text() + " schrieb")
                .doesNotContain("weber@example.org");
    }

    @Test
    void knownNamesFromTheMailHeadersAreReplacedWithoutAnyTitle() throws AnonymisationException {
        String outgoing = anonymise("Anbei der Vertrag von Ayşe Demir-Öztürk und der Brief der Stadtwerke Kiel.",
                new KnownEntity(EntityType.PERSON, "Ayşe Demir-Öztürk"),
                new KnownEntity(EntityType.ORGANISATION, "Stadtwerke Kiel")).outgoing();

        assertThat(outgoing).isEqualTo("Anbei der Vertrag von «PERSON_1» und der Brief der «ORG_1».");
    }

    @Test
    void anEnglishLetterIsAnonymisedToo() throws AnonymisationException {
        String outgoing = anonymise("""
                Dear Mr O'Brien,
                our client Mrs Sarah Connolly (date of birth: 4 July 1981) of 221B Baker Street, London NW1 6XE
                can be reached on +44 20 7946 0958. Our ref: KL-2291. Bank: GB82 WEST 1234 5698 7654 32.
                Kind regards,
                Tom Fletcher
                """).outgoing();

        assertThat(outgoing).doesNotContain("O'Brien", "Connolly", "4 July 1981", "Baker Street", "NW1 6XE", "7946 0958",
                "KL-2291", "GB82", "Fletcher");
        assertThat(outgoing).contains("Dear Mr «PERSON_", "our client Mrs «PERSON_");
    }

    @Test
    void theFirmsOwnFileNumberFormatIsReplacedWhereverItStands() throws AnonymisationException {
        Anonymised anonymised = new Anonymiser(placeholders, List.of(), Optional.of(Pattern.compile("\\bHH-\\d{4}-\\d{3}\\b")))
                .anonymise("Die Akte HH-2025-117 liegt bei HH-2025-118.");

        assertThat(anonymised.outgoing()).isEqualTo("Die Akte «FILE_1» liegt bei «FILE_2».");
    }

    @Test
    void theSourceIsRebuiltExactlyFromTheOutgoingText() throws AnonymisationException {
        Anonymised anonymised = anonymise(LETTER);

        assertThat(anonymised.source()).isEqualTo(LETTER);
        assertThat(anonymised.replacements()).allSatisfy(r ->
                assertThat(anonymised.outgoing().substring(r.start(), r.end())).isEqualTo(r.placeholder().text()));
    }

    @Test
    void numbersThatOnlyLookLikeClientDataStay() throws AnonymisationException {
        String text = "Am 12.03.2024 zahlte sie 1.250,00 EUR; Seite 12 von 30; Rechnung Nr. 2024-117; § 823 Abs. 1 BGB.";

        assertThat(anonymise(text).outgoing()).isEqualTo(text);
    }
}
