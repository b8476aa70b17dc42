package org.hearth.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hearth.ui.DocumentsWindowTest.text;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.stage.Stage;
import org.hearth.assistant.route.egress.EgressEntry;
import org.hearth.assistant.route.egress.Verification;
import org.hearth.ui.service.ModelService.ModelState;
import org.hearth.ui.service.SettingsService.Theme;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The Protokoll from the status bar's privacy badge: what left, newest first, and "Prüfen" naming where the record breaks. */
@ExtendWith(ApplicationExtension.class)
class EgressLogDialogTest {

    private static final List<EgressEntry> ENTRIES = List.of(
            new EgressEntry(1, Instant.parse("2026-11-02T09:15:00Z"), "summary", "Kanzlei-Server", "10.0.0.5:8080", "≈ 900 tokens",
                    1234, "a".repeat(64), Map.of("PERSON", 2, "IBAN", 1), "preview", Optional.of("Sehr geehrte «PERSON_1», …")),
            new EgressEntry(2, Instant.parse("2026-11-02T09:16:00Z"), "summary", "Kanzlei-Server", "10.0.0.5:8080", "≈ 900 tokens",
                    987, "b".repeat(64), Map.of("PERSON", 3), "cli --yes", Optional.empty()));

    private final FakeRoutingService routing = new FakeRoutingService(ENTRIES,
            new Verification(1, Optional.of(new Verification.Break(2, "the entry was changed after it was written"))));

    @Start
    void start(Stage stage) {
        new MainWindow(new FakeModelService(new ModelState.Ready("Qwen3.5 4B")), new FakeSettingsService("de", Theme.LIGHT),
                Optional.of(routing), AppTabs.of(new FakeSummaryService(), new FakeExportService(), new FakeInboxService(),
                new FakeSearchService()), Locale.GERMAN).show(stage);
    }

    @Test
    void the_entries_show_newest_first_and_verify_names_the_broken_line(FxRobot robot) throws Exception {
        assertThat(text(robot, "#status-privacy")).isEqualTo("Nur lokal");
        robot.clickOn("#status-privacy");
        WaitForAsyncUtils.waitFor(10, java.util.concurrent.TimeUnit.SECONDS,
                () -> robot.lookup("#egress-entries").queryAs(TableView.class).getItems().size() == 2);
        TableView<?> table = robot.lookup("#egress-entries").queryAs(TableView.class);

        assertThat(cells(table, 0)).containsSubsequence("Zusammenfassung", "Kanzlei-Server (10.0.0.5:8080)", "987 Bytes", "PERSON 3",
                "die Kommandozeile (--yes)");
        assertThat(cells(table, 1)).containsSubsequence("Zusammenfassung", "Kanzlei-Server (10.0.0.5:8080)", "1.234 Bytes",
                "IBAN 1, PERSON 2", "Sie, in der Vorschau");
        assertThat(text(robot, "#egress-verify")).isEqualTo("Prüfen");

        robot.clickOn("#egress-verify");
        WaitForAsyncUtils.waitFor(10, java.util.concurrent.TimeUnit.SECONDS, () -> text(robot, "#egress-verdict").startsWith("Unterbrochen"));

        assertThat(text(robot, "#egress-verdict")).isEqualTo(
                "Unterbrochen an Zeile 2: the entry was changed after it was written. Das Protokoll wurde nach dem Schreiben verändert.");
        assertThat(robot.lookup("#egress-verdict").query().getStyleClass()).contains("danger");
    }

    @Test
    void a_kept_text_shows_for_its_request_and_a_request_without_says_it_was_not_kept(FxRobot robot) throws Exception {
        robot.clickOn("#status-privacy");
        WaitForAsyncUtils.waitFor(10, java.util.concurrent.TimeUnit.SECONDS,
                () -> robot.lookup("#egress-entries").queryAs(TableView.class).getItems().size() == 2);
        TableView<?> table = robot.lookup("#egress-entries").queryAs(TableView.class);
        TextArea sent = robot.lookup("#egress-text").queryAs(TextArea.class);

        robot.interact(() -> table.getSelectionModel().select(1));
        assertThat(sent.getText()).isEqualTo("Sehr geehrte «PERSON_1», …");
        robot.interact(() -> table.getSelectionModel().select(0));
        assertThat(sent.getText()).startsWith("Der Text dieser Anfrage wurde nicht aufbewahrt");
    }

    /** The texts a row shows, column by column. */
    private static List<String> cells(TableView<?> table, int row) {
        return table.getColumns().stream().map(column -> String.valueOf(column.getCellData(row))).toList();
    }
}
