package org.hearth.ui;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.hearth.assistant.task.draft.FieldProposal.Status;
import org.hearth.ui.service.DraftingService.DraftJob.Evidence;
import org.hearth.ui.service.DraftingService.DraftJob.Field;
import org.hearth.ui.service.DraftingService.Template;

/** A Mandatsbestätigung and the proposals a draft of it might come back with: verified, not supported, empty, table rows. */
final class DraftingFields {

    static final Path FOLDER = Path.of("/kanzlei/Vorlagen");
    static final Template CONFIRMATION = new Template(FOLDER.resolve("Mandatsbestätigung.docx"), "Mandatsbestätigung");
    static final Template EXTENSION = new Template(FOLDER.resolve("Fristverlängerungsantrag.docx"), "Fristverlängerungsantrag");
    static final Path COMPLAINT = Path.of("/akten/2026-0815/Klageschrift.pdf");
    static final Path LETTER = Path.of("/akten/2026-0815/Schreiben_Gegner.docx");

    static final List<Field> PROPOSED = List.of(
            new Field("Aktenzeichen", "Gerichtliches Aktenzeichen", false, Status.FILLED, "12 C 345/26",
                    Optional.of(new Evidence(COMPLAINT, OptionalInt.of(1), OptionalInt.empty(), "Az. 12 C 345/26", true))),
            new Field("Mandant", "", false, Status.FILLED, "Erika Müller",
                    Optional.of(new Evidence(COMPLAINT, OptionalInt.of(1), OptionalInt.empty(),
                            "In dem Rechtsstreit Erika Müller ./. Max Schmidt", true))),
            new Field("Zustellungsdatum", "Datum wie 12.01.2026", false, Status.FILLED, "12.01.2026",
                    Optional.of(new Evidence(COMPLAINT, OptionalInt.of(2), OptionalInt.empty(),
                            "wurde die Klage am 12. Januar 2026 zugestellt", true))),
            new Field("Gericht", "", false, Status.UNSUPPORTED, "Amtsgericht Köln",
                    Optional.of(new Evidence(LETTER, OptionalInt.empty(), OptionalInt.of(3), "Zuständig ist das Amtsgericht Köln", false))),
            new Field("Streitwert", "Betrag in Euro", false, Status.FILLED, "1.234,50 €",
                    Optional.of(new Evidence(LETTER, OptionalInt.empty(), OptionalInt.of(2), "Die offene Forderung beträgt EUR 1234.50", true))),
            new Field("Anschrift des Gegners", "", false, Status.EMPTY, "", Optional.empty()),
            new Field("Anlagen", "", true, Status.EMPTY, "", Optional.empty()));

    private DraftingFields() {
    }
}
