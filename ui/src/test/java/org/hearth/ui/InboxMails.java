package org.hearth.ui;

import static org.hearth.ui.Mails.mail;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import org.hearth.assistant.task.triage.TriageCategory;
import org.hearth.ui.service.InboxService.MailItem;

/** A law firm's morning mail, as the screenshot shows it; dates count from {@code today} so the deadline colours show. */
final class InboxMails {

    private static final String COURT_TEXT = """
            Landgericht München I
            12. Zivilkammer

            In dem Rechtsstreit
            Dr. Anna Berg ./. Müller Immobilien GmbH
            Az.: 12 O 3456/25

            werden die Parteien zur mündlichen Verhandlung geladen auf

                %s, 10:00 Uhr, Sitzungssaal 214, Prielmayerstraße 7, 80335 München.

            Der Klägerin wird aufgegeben, zum Schriftsatz der Beklagten vom 02.01. binnen einer Frist bis
            zum %s Stellung zu nehmen (§ 273 ZPO).

            Das persönliche Erscheinen der Klägerin wird angeordnet.

            Mit freundlichen Grüßen
            Huber, Justizsekretärin
            [Signatur abgetrennt]
            """;

    private InboxMails() {
    }

    static List<MailItem> realistic(LocalDate today) {
        LocalDate hearing = today.plusDays(20);
        LocalDate statement = today.plusDays(2);
        return List.of(
                mail("court").from("Landgericht München I").subject("Ladung zur mündlichen Verhandlung – 12 O 3456/25")
                        .received(at(today, 7, 58)).label(TriageCategory.COURT_OR_AUTHORITY, 5)
                        .summary("Ladung zur mündlichen Verhandlung; Stellungnahme zum Schriftsatz der Beklagten binnen Frist.")
                        .reason("Gerichtliche Ladung mit richterlicher Frist – eine Versäumnis hätte prozessuale Folgen.")
                        .nextStep("Beide Termine im Fristenkalender eintragen, Dr. Berg über ihr persönliches Erscheinen informieren.")
                        .deadline(statement, "Stellungnahme zum Schriftsatz der Beklagten",
                                "Der Klägerin wird aufgegeben, zum Schriftsatz der Beklagten vom 02.01. binnen einer Frist bis zum "
                                        + german(statement) + " Stellung zu nehmen.")
                        .deadline(hearing, "Mündliche Verhandlung, Saal 214",
                                german(hearing) + ", 10:00 Uhr, Sitzungssaal 214, Prielmayerstraße 7")
                        .fileNumber("12 O 3456/25").fileNumber("K-2025-118")
                        .attachment("Ladung_12O3456-25.pdf", "application/pdf", 186_000)
                        .attachment("Schriftsatz_Beklagte.pdf", "application/pdf", 1_468_000)
                        .modelText(COURT_TEXT.formatted(german(hearing), german(statement))).build(),
                mail("client").from("Dr. Anna Berg").subject("Rückfrage zur Kündigungsfrist im Mietvertrag")
                        .received(at(today, 8, 47)).label(TriageCategory.CLIENT_REQUEST, 4).needsReply()
                        .summary("Fragt, ob die Kündigung zum Quartalsende noch fristgerecht möglich ist.")
                        .fileNumber("K-2025-118").build(),
                mail("tax").from("Finanzamt München").subject("Bescheid über Umsatzsteuer-Vorauszahlung Q4")
                        .received(at(today.minusDays(1), 14, 5)).label(TriageCategory.COURT_OR_AUTHORITY, 4)
                        .summary("Festsetzung der Vorauszahlung; Einspruch binnen eines Monats möglich.")
                        .deadline(today.plusDays(29), "Einspruchsfrist", "Einspruch binnen eines Monats nach Bekanntgabe").build(),
                mail("settlement").from("RAin Hoffmann (Gegenseite)").subject("Terminvorschlag Vergleichsgespräch")
                        .received(at(today.minusDays(1), 16, 20)).label(TriageCategory.DEADLINE_OR_APPOINTMENT, 3).needsReply()
                        .summary("Schlägt zwei Termine für ein Vergleichsgespräch vor und bittet um Antwort bis heute.")
                        .deadline(today, "Rückmeldung zum Terminvorschlag", "Ich bitte um Ihre Rückmeldung bis heute.")
                        .fileNumber("12 O 3456/25").build(),
                mail("holiday").from("Julia Meier, Sekretariat").subject("Urlaubsvertretung in KW 8")
                        .received(at(today.minusDays(1), 11, 2)).label(TriageCategory.INTERNAL, 2)
                        .summary("Bittet um Bestätigung der Vertretung während ihres Urlaubs.").build(),
                mail("invoice").from("DATEV eG").subject("Ihre Rechnung für Januar")
                        .received(at(today.minusDays(2), 6, 30)).label(TriageCategory.INVOICE_OR_BILLING, 2).corrected()
                        .summary("Monatsrechnung für Software und Rechenzentrum, Lastschrift angekündigt.").build(),
                mail("newsletter").from("NJW-Redaktion").subject("NJW-Newsletter: Aktuelle Entscheidungen des BGH")
                        .received(at(today.minusDays(2), 5, 0)).label(TriageCategory.NEWSLETTER_OR_MARKETING, 1)
                        .summary("Übersicht neuer BGH-Entscheidungen zum Mietrecht.").build(),
                mail("phishing").from("Sicherheitsteam Sparkasse").subject("Ihr Konto wurde eingeschränkt")
                        .received(at(today.minusDays(3), 23, 14)).label(TriageCategory.SPAM_OR_PHISHING, 1)
                        .summary("Phishing: fordert über einen fremden Link zur Eingabe der Zugangsdaten auf.").build());
    }

    /** The mail the screenshot's run is still working on. */
    static MailItem stillPending(LocalDate today) {
        return mail("costs").from("Amtsgericht Starnberg").subject("Kostenfestsetzungsbeschluss 3 C 812/24")
                .received(at(today, 9, 31)).pending().build();
    }

    private static String at(LocalDate day, int hour, int minute) {
        return day.atTime(LocalTime.of(hour, minute)).atZone(ZoneId.systemDefault()).toInstant().toString();
    }

    private static String german(LocalDate day) {
        return "%02d.%02d.%d".formatted(day.getDayOfMonth(), day.getMonthValue(), day.getYear());
    }
}
