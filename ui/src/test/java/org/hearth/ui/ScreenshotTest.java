package org.hearth.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import javafx.scene.Scene;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.hearth.assistant.route.JobClass;
import org.hearth.assistant.route.Target;
import org.hearth.assistant.route.TargetKind;
import org.hearth.domain.Language;
import org.hearth.ui.service.InboxService.InboxRun;
import org.hearth.ui.service.InboxService.MailItem;
import org.hearth.ui.service.ModelService.ModelState;
import org.hearth.ui.service.SearchService;
import org.hearth.ui.service.SettingsService.Theme;
import org.hearth.ui.service.SummaryJob;
import org.hearth.ui.service.SummaryJob.Failure;
import org.hearth.ui.service.SummaryJob.Progress;
import org.hearth.ui.service.SummaryJob.State;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Renders the Documents tab with a finished summary in the light and the dark theme, the Inbox while
 * new mail is triaged, the Search tab with an answer and its citations, and the first-run panel during
 * the download. Writes to target/screenshots; {@code -Dhearth.screenshots.dir=../docs/screenshots}
 * refreshes the README's.
 */
@ExtendWith(ApplicationExtension.class)
class ScreenshotTest {

    private static final String SUMMARY = """
            Mietvertrag über Gewerberäume, Hauptstraße 12, 80331 München, zwischen der Müller Immobilien GmbH \
            (Vermieterin) und der Kanzlei Schmidt & Partner (Mieterin).

            Kernpunkte
            • Mietbeginn 01.03.2025, feste Laufzeit von fünf Jahren mit einmaliger Verlängerungsoption um \
            drei Jahre (S. 3).
            • Monatliche Nettokaltmiete 4.850 EUR zuzüglich Nebenkostenvorauszahlung von 720 EUR, fällig \
            jeweils zum dritten Werktag (S. 5).
            • Indexmiete: Anpassung nach dem Verbraucherpreisindex, frühestens nach zwölf Monaten (S. 6).
            • Mietsicherheit von drei Monatsmieten als Bankbürgschaft, vor Übergabe zu stellen (S. 8).

            Fristen & Pflichten
            • Ausübung der Verlängerungsoption spätestens sechs Monate vor Ablauf der Festlaufzeit, \
            schriftlich (S. 4).
            • Schönheitsreparaturen trägt die Mieterin; Rückgabe in vertragsgemäßem Zustand (S. 12–14).
            • Untervermietung nur mit vorheriger schriftlicher Zustimmung der Vermieterin (S. 15).
            """;

    private final FakeSummaryService summaries = new FakeSummaryService();
    private final FakeSettingsService settings = new FakeSettingsService("de", Theme.LIGHT, DraftingFields.FOLDER.toString());
    private final FakeDraftingService drafting = new FakeDraftingService(Map.of(DraftingFields.FOLDER,
            List.of(DraftingFields.EXTENSION, DraftingFields.CONFIRMATION)));
    private final AtomicReference<Scene> scene = new AtomicReference<>();

    private final FakeModelService models = new FakeModelService(new ModelState.None());
    private final FakeInboxService inbox = new FakeInboxService();
    private final FakeSearchService search = new FakeSearchService();
    private final FakeRoutingService routing = new FakeRoutingService();

    @Start
    void start(Stage stage) {
        inbox.addStoredAccount("acc-1", "Kanzlei Schmidt & Partner");
        new MainWindow(models, settings, Optional.of(routing),
                AppTabs.of(summaries, new FakeExportService(), inbox, drafting, search), Locale.GERMAN).show(stage);
        scene.set(stage.getScene());
    }

    @Test
    void drafting_tab_with_a_review_form(FxRobot robot) throws Exception {
        models.announce(new ModelState.Ready("Qwen3.5 4B"));
        WaitForAsyncUtils.waitForFxEvents();
        robot.clickOn("#nav-drafting");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#drafting-templates").queryListView().getItems().size() == 2);
        robot.interact(() -> robot.lookup("#drafting-templates").queryListView().getSelectionModel().select(1));
        Drops.drop(robot, robot.lookup("#drafting-sources").query(), DraftingFields.COMPLAINT, DraftingFields.LETTER);
        robot.clickOn("#drafting-create");
        drafting.report(0, listener -> listener.done(DraftingFields.PROPOSED));
        WaitForAsyncUtils.waitForFxEvents();
        robot.interact(() -> robot.from(DraftingTabTest.row(robot, "Anschrift des Gegners")).lookup(".field-value").queryAs(TextField.class)
                .setText("Max Schmidt, Ringstraße 4, 50667 Köln"));

        Path shot = write(robot, "drafting-de.png");

        assertThat(ImageIO.read(shot.toFile()).getWidth()).isEqualTo(1200);
        assertThat(DraftingTabTest.rowText(robot, "Gericht", ".field-status")).isEqualTo("nicht belegt");
        assertThat(DraftingTabTest.rowText(robot, "Anschrift des Gegners", ".field-status")).isEqualTo("von Ihnen geändert");
        assertThat(DraftingTabTest.rowText(robot, "Aktenzeichen", ".field-source")).isEqualTo("Klageschrift.pdf, S. 1");
    }

    @Test
    void documents_tab_in_light_and_dark(FxRobot robot) throws IOException {
        models.announce(new ModelState.Ready("Qwen3.5 4B"));
        WaitForAsyncUtils.waitForFxEvents();
        Drops.drop(robot, robot.lookup("#documents-queue").query(),
                Path.of("Mietvertrag_Hauptstrasse_12.pdf"), Path.of("Klageerwiderung_2024-0815.docx"), Path.of("Gutachten_Bau.pdf"));
        summaries.report(0, listener -> {
            listener.progress(new Progress(State.READING, 18, 18));
            listener.progress(new Progress(State.SUMMARISING, 4, 4));
            listener.text(SUMMARY);
            listener.done(new SummaryJob.Result(SUMMARY, Language.GERMAN, 18, List.of(), Optional.empty()));
        });
        summaries.report(1, listener -> {
            listener.progress(new Progress(State.SUMMARISING, 3, 12));
            listener.text("Die Beklagte beantragt, die Klage abzuweisen …");
        });
        summaries.report(2, listener -> listener.failed(new Failure(Failure.Reason.PASSWORD_REQUIRED, "Gutachten_Bau.pdf", "")));
        WaitForAsyncUtils.waitForFxEvents();
        robot.interact(() -> {
            robot.lookup("#documents-queue").queryListView().getSelectionModel().select(0);
            ComboBox<?> style = robot.lookup("#documents-style").queryComboBox();
            style.getSelectionModel().select(2);
        });
        WaitForAsyncUtils.waitForFxEvents();

        Path light = write(robot, "documents-light.png");

        robot.clickOn("#nav-settings");
        robot.interact(() -> robot.lookup("#settings-theme").<Theme>queryComboBox().setValue(Theme.DARK));
        robot.clickOn("#settings-save");
        WaitForAsyncUtils.waitForFxEvents();
        Path dark = write(robot, "documents-dark.png");

        assertThat(ImageIO.read(light.toFile()).getWidth()).isEqualTo(1200);
        assertThat(ImageIO.read(dark.toFile()).getHeight()).isEqualTo(800);
        assertThat(robot.lookup("#documents-queue").queryListView().getItems()).hasSize(3);
    }

    @Test
    void first_run_while_downloading(FxRobot robot) throws IOException {
        long total = 2_900_000_000L;
        models.announce(new ModelState.Downloading("Qwen3.5 4B", total * 38 / 100, total, 14.2 * 1024 * 1024, 131, false));
        WaitForAsyncUtils.waitForFxEvents();
        Drops.drop(robot, robot.lookup("#firstrun-model").query(), Path.of("Mietvertrag_Hauptstrasse_12.pdf"));
        robot.clickOn("#nav-setup");
        WaitForAsyncUtils.waitForFxEvents();

        Path firstRun = write(robot, "first-run-light.png");

        assertThat(ImageIO.read(firstRun.toFile()).getWidth()).isEqualTo(1200);
    }

    @Test
    void inbox_while_new_mail_is_triaged(FxRobot robot) throws IOException, TimeoutException {
        models.announce(new ModelState.Ready("Qwen3.5 4B"));
        LocalDate today = LocalDate.now();
        InboxMails.realistic(today).forEach(inbox::store);
        robot.clickOn("#nav-inbox");
        ListView<MailItem> list = robot.lookup("#inbox-list").queryListView();
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> list.getItems().size() == 8);
        robot.clickOn("#inbox-fetch");
        FakeInboxService.FakeRun run = inbox.nextRun();
        run.report(listener -> listener.progress(InboxRun.Stage.TRIAGING, 8, 9));
        run.mail(InboxMails.stillPending(today));
        WaitForAsyncUtils.waitForFxEvents();
        robot.interact(() -> list.getSelectionModel().select(
                list.getItems().stream().filter(mail -> mail.id().equals("court")).findFirst().orElseThrow()));
        WaitForAsyncUtils.waitForFxEvents();

        Path shot = write(robot, "inbox-light.png");

        assertThat(ImageIO.read(shot.toFile()).getWidth()).isEqualTo(1200);
        assertThat(list.getItems()).hasSize(9);
    }

    @Test
    void search_with_an_answer_citing_a_verified_and_an_unverified_quote(FxRobot robot) throws IOException, TimeoutException {
        models.announce(new ModelState.Ready("Qwen3.5 4B"));
        SearchPassages.collections().forEach(search::putCollection);
        search.answerSearchesWith(new SearchService.Results(SearchPassages.hits(), SearchService.Ranking.KEYWORDS_NO_MODEL));
        robot.clickOn("#nav-search");
        ComboBox<Optional<SearchService.Collection>> chooser = robot.lookup("#search-collection").queryComboBox();
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> chooser.getItems().size() == 4);
        robot.interact(() -> {
            chooser.getSelectionModel().select(1);
            robot.lookup("#search-query").queryAs(TextField.class).setText(SearchPassages.QUESTION);
        });
        robot.clickOn("#search-ask");
        FakeSearchService.FakeAnswerJob job = search.nextQuestion();
        job.report(listener -> listener.sources(SearchPassages.hits().subList(0, 3)));
        job.report(listener -> listener.text(SearchPassages.answer().text()));
        job.report(listener -> listener.done(SearchPassages.answer()));
        ListView<SearchService.Hit> hits = robot.lookup("#search-results").queryListView();
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> hits.getItems().size() == 5);
        robot.interact(() -> hits.getSelectionModel().select(0));
        WaitForAsyncUtils.waitForFxEvents();

        Path shot = write(robot, "search-light.png");

        assertThat(ImageIO.read(shot.toFile()).getWidth()).isEqualTo(1200);
        assertThat(SearchTabTest.texts(robot, "#citation-1")).contains("Rahmenvertrag_Mueller_GmbH_2021.pdf, S. 4", "✓ wörtlich gefunden");
        assertThat(SearchTabTest.texts(robot, "#citation-2")).contains("⚠ nicht belegt");
        assertThat(robot.lookup("#search-keywords-only-why").queryLabeled().getText()).isEqualTo("Die Suche findet nur "
                + "Textstellen, die Ihre Suchwörter enthalten. Für Treffer mit ähnlicher Bedeutung installieren Sie das "
                + "Suchmodell (ca. 610 MB).");
        assertThat(robot.lookup("#search-install-model").queryButton().getText()).isEqualTo("Suchmodell installieren");
    }

    @Test
    void general_settings_with_the_version_and_no_update_check(FxRobot robot) throws IOException {
        robot.clickOn("#nav-settings");
        WaitForAsyncUtils.waitForFxEvents();

        write(robot.lookup("#settings-version").query().getScene(), "settings-general-de.png");

        assertThat(robot.lookup("#settings-version").queryLabeled().getText()).matches("Hearth (\\d+\\.\\d+\\.\\d+(-SNAPSHOT)?|development build)");
        assertThat(robot.lookup("Hearth sucht nie von sich aus nach Updates: Eine neue Version wird installiert, wann Sie oder "
                + "Ihre Administration es wählen.").tryQuery()).isPresent();
        robot.clickOn("#settings-cancel");
    }

    @Test
    void servers_and_privacy_settings_with_a_firm_server(FxRobot robot) throws IOException, TimeoutException {
        routing.addTarget(new Target("Kanzlei-Server", TargetKind.FIRM, URI.create("http://10.0.0.5:8080/v1"), "qwen3.5-27b", 32768,
                true, Optional.empty(), Optional.empty()), new char[0]);
        routing.allow(JobClass.SUMMARY, Optional.of("Kanzlei-Server"), false);
        routing.allow(JobClass.ANSWER, Optional.of("Kanzlei-Server"), true);
        robot.clickOn("#nav-settings");
        robot.clickOn("Server & Datenschutz");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#settings-targets").queryListView().getItems().size() == 1);
        WaitForAsyncUtils.waitForFxEvents();

        Path shot = write(robot.lookup("#settings-targets").query().getScene(), "settings-privacy-de.png");

        assertThat(ImageIO.read(shot.toFile()).getWidth()).isPositive();
        assertThat(robot.lookup("#settings-unasked-answer").queryAs(CheckBox.class).isSelected()).isTrue();
        assertThat(robot.lookup("#settings-unasked-summary").queryAs(CheckBox.class).isSelected()).isFalse();
        assertThat(robot.lookup("#settings-unasked-summary").queryAs(CheckBox.class).getText()).isEqualTo("Ohne Rückfrage senden");
    }

    /** Takes the picture with the pointer resting on the status bar, so no hover effect shows. */
    private Path write(FxRobot robot, String name) throws IOException {
        robot.moveTo("#status-memory");
        WaitForAsyncUtils.waitForFxEvents();
        return write(scene.get(), name);
    }

    private Path write(Scene of, String name) throws IOException {
        AtomicReference<WritableImage> shot = new AtomicReference<>();
        new FxRobot().interact(() -> shot.set(of.snapshot(null)));
        WritableImage image = shot.get();
        int width = (int) image.getWidth();
        int height = (int) image.getHeight();
        int[] argb = new int[width * height];
        image.getPixelReader().getPixels(0, 0, width, height, PixelFormat.getIntArgbInstance(), argb, 0, width);
        BufferedImage png = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        png.setRGB(0, 0, width, height, argb, 0, width);
        Path folder = Path.of(System.getProperty("hearth.screenshots.dir", "target/screenshots"));
        Files.createDirectories(folder);
        Path file = folder.resolve(name);
        ImageIO.write(png, "png", file.toFile());
        return file;
    }
}
