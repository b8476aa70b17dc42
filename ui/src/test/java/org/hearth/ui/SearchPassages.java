package org.hearth.ui;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.hearth.ui.service.SearchService.AnswerJob.Answer;
import org.hearth.ui.service.SearchService.AnswerJob.Citation;
import org.hearth.ui.service.SearchService.Collection;
import org.hearth.ui.service.SearchService.Highlight;
import org.hearth.ui.service.SearchService.Hit;
import org.hearth.ui.service.SearchService.Location;

/** A firm's files on a client's notice period, as the screenshot shows them: collections, passages, an answer. */
final class SearchPassages {

    static final String QUESTION = "Welche Kündigungsfrist haben wir mit der Müller GmbH vereinbart?";

    private static final Path MUELLER = Path.of("/Kanzlei/Mandanten/Müller GmbH");
    private static final Path TEMPLATES = Path.of("/Kanzlei/Vorlagen");

    private static final Location CONTRACT = pdf(MUELLER.resolve("Rahmenvertrag_Mueller_GmbH_2021.pdf"), 4);
    private static final Location ANNEX = docx(MUELLER.resolve("Nachtrag_2023_Wartung.docx"), 3, 5);

    private SearchPassages() {
    }

    static List<Collection> collections() {
        return List.of(new Collection("Müller GmbH", List.of(MUELLER), 38, 1204),
                new Collection("Berg ./. Müller Immobilien", List.of(Path.of("/Kanzlei/Akten/2025-0815")), 112, 3876),
                new Collection("Vorlagen", List.of(TEMPLATES), 64, 940));
    }

    static List<Hit> hits() {
        return List.of(
                hit(CONTRACT, "§ 12 Laufzeit und Kündigung. (2) Der Vertrag kann von beiden Parteien mit einer Frist von "
                        + "drei Monaten zum Quartalsende gekündigt werden. Die Kündigung bedarf der Schriftform.",
                        "Kündigung", "Frist", "gekündigt"),
                hit(ANNEX, "Abweichend von § 12 Abs. 2 des Rahmenvertrags gilt für die Wartungsleistungen nach "
                        + "Anlage 3 eine Kündigungsfrist von sechs Monaten zum Jahresende.", "Kündigungsfrist"),
                hit(docx(MUELLER.resolve("Aktennotiz_Telefonat_2024-03-11.docx"), 2, 2),
                        "Herr Müller fragt, ob die Kündigungsfrist auf einen Monat verkürzt werden kann; "
                        + "wir haben zugesagt, das bis Ende März zu prüfen.", "Müller", "Kündigungsfrist"),
                hit(pdf(MUELLER.resolve("Schreiben_an_Mueller_GmbH_2024-04-02.pdf"), 1),
                        "… bestätigen wir Ihnen, dass eine Verkürzung der vereinbarten Kündigungsfrist eine "
                        + "Änderung des Rahmenvertrags in Schriftform voraussetzt.", "vereinbarten", "Kündigungsfrist"),
                hit(docx(TEMPLATES.resolve("Vorlage_Dienstleistungsvertrag.docx"), 41, 41),
                        "Die Kündigungsfrist beträgt [●] Monate zum [Monats-/Quartalsende].", "Kündigungsfrist"));
    }

    /** Cites the contract word for word, and the annex with a quote the annex does not hold. */
    static Answer answer() {
        String text = "Mit der Müller GmbH ist eine Kündigungsfrist von drei Monaten zum Quartalsende vereinbart; "
                + "die Kündigung bedarf der Schriftform [1]. Für die Wartungsleistungen nach Anlage 3 gilt laut "
                + "Nachtrag 2023 abweichend eine Frist von sechs Monaten zum Jahresende [2].";
        return new Answer(false, text, List.of(
                new Citation(1, CONTRACT, "mit einer Frist von drei Monaten zum Quartalsende gekündigt werden", true),
                new Citation(2, ANNEX, "Für sämtliche Wartungsleistungen gilt eine Kündigungsfrist von sechs Monaten.", false)));
    }

    private static Hit hit(Location location, String snippet, String... words) {
        List<Highlight> highlights = new ArrayList<>();
        for (String word : words) {
            int start = snippet.indexOf(word);
            highlights.add(new Highlight(start, start + word.length()));
        }
        return new Hit(location, 1.0, snippet, highlights);
    }

    private static Location pdf(Path file, int page) {
        return new Location(file, Optional.of(page), Optional.empty(), Optional.empty());
    }

    private static Location docx(Path file, int first, int last) {
        return new Location(file, Optional.empty(), Optional.of(first), Optional.of(last));
    }
}
