package org.hearth.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hearth.ui.DocumentsWindowTest.cellText;
import static org.hearth.ui.DocumentsWindowTest.text;

import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;
import javafx.scene.Node;
import javafx.scene.control.ListView;
import javafx.scene.text.Text;
import javafx.scene.text.TextFlow;
import javafx.stage.Stage;
import org.hearth.assistant.route.Route;
import org.hearth.assistant.route.Target;
import org.hearth.assistant.route.TargetKind;
import org.hearth.assistant.route.anonymise.Anonymised;
import org.hearth.assistant.route.anonymise.EntityType;
import org.hearth.assistant.route.anonymise.Placeholder;
import org.hearth.domain.Language;
import org.hearth.ui.service.ModelService.ModelState;
import org.hearth.ui.service.SettingsService.Theme;
import org.hearth.ui.service.SummaryJob;
import org.hearth.ui.service.Preview;
import org.hearth.ui.service.SummaryJob.State;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * A summary allowed to leave shows what would go before anything does: the server, why, the exact text with its
 * placeholders marked and what each stands for; Send sends it, Cancel ends the job. While it runs there, the status
 * bar names the server instead of "Local only".
 */
@ExtendWith(ApplicationExtension.class)
class SendPreviewTest {

    private static final Target FIRM = new Target("Kanzlei-Server", TargetKind.FIRM, URI.create("http://10.0.0.5:8080/v1"),
            "qwen3.5-27b", 8192, true, Optional.empty(), Optional.empty());
    private static final String OUTGOING = "Sehr geehrter «PERSON_1», Ihre IBAN «IBAN_1» ist bei uns vermerkt.";
    static final Preview PREVIEW = new Preview(new Route(Optional.of(FIRM), Route.Reason.FIRM_ALLOWED, 38_000, Optional.empty()),
            new Anonymised(OUTGOING, List.of(
                    replacement("«PERSON_1»", new Placeholder(EntityType.PERSON, 1), "Herr Klaus Weber"),
                    replacement("«IBAN_1»", new Placeholder(EntityType.IBAN, 1), "DE89 3704 0044 0532 0130 00"))));

    private static Anonymised.Replacement replacement(String placeholder, Placeholder issued, String original) {
        int at = OUTGOING.indexOf(placeholder);
        return new Anonymised.Replacement(at, at + placeholder.length(), issued, original);
    }

    private final FakeSummaryService summaries = new FakeSummaryService();

    @Start
    void start(Stage stage) {
        new MainWindow(new FakeModelService(new ModelState.Ready("Qwen3.5 4B")), new FakeSettingsService("en", Theme.LIGHT),
                Optional.of(new FakeRoutingService()), AppTabs.of(summaries, new FakeExportService(), new FakeInboxService(),
                new FakeSearchService()), Locale.ENGLISH).show(stage);
    }

    @Test
    void the_preview_shows_the_exact_text_and_send_sends_it_while_the_status_bar_names_the_server(FxRobot robot) {
        dropAndPreview(robot);

        assertThat(text(robot, "#preview-target")).isEqualTo("Goes to: Kanzlei-Server (the firm’s own server)");
        assertThat(text(robot, "#preview-reason")).isEqualTo(
                "Summaries may go to the firm’s own server, and this document fits it. About 38,000 tokens.");
        TextFlow outgoing = robot.lookup("#preview-outgoing").queryAs(TextFlow.class);
        assertThat(outgoing.getChildren().stream().map(node -> ((Text) node).getText()).collect(Collectors.joining()))
                .as("exactly what leaves").isEqualTo(OUTGOING);
        assertThat(outgoing.getChildren().stream().filter(node -> node.getStyleClass().contains("outgoing-placeholder"))
                .map(node -> ((Text) node).getText())).containsExactly("«PERSON_1»", "«IBAN_1»");
        assertThat(robot.lookup("#preview-replacements").queryAs(ListView.class).getItems())
                .containsExactly("«PERSON_1» = Herr Klaus Weber", "«IBAN_1» = DE89 3704 0044 0532 0130 00");
        assertThat(cellText(robot, "brief.txt")).contains("waiting for you to send or cancel");
        assertThat(text(robot, "#status-privacy")).isEqualTo("Local only");

        robot.clickOn("#preview-send");
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(summaries.call(0).job().sent()).isTrue();
        assertThat(robot.lookup("#preview-send").tryQuery()).as("the dialog closed").isEmpty();

        summaries.report(0, listener -> {
            listener.routedTo("Kanzlei-Server");
            listener.state(State.SUMMARISING);
        });
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(text(robot, "#status-privacy")).isEqualTo("Sent to: Kanzlei-Server");

        summaries.report(0, listener -> {
            listener.state(State.DONE);
            listener.done(new SummaryJob.Result("Zusammenfassung.", Language.GERMAN, 1, List.of()));
        });
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(text(robot, "#status-privacy")).as("back once the job ended").isEqualTo("Local only");
    }

    @Test
    void cancel_in_the_preview_sends_nothing_and_ends_the_job(FxRobot robot) {
        dropAndPreview(robot);

        robot.clickOn("#preview-cancel");
        summaries.awaitWorker();
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(summaries.call(0).job().sent()).isFalse();
        assertThat(summaries.call(0).job().cancelRequested()).isTrue();
        assertThat(cellText(robot, "brief.txt")).contains("Cancelled");
        assertThat(text(robot, "#status-privacy")).isEqualTo("Local only");
    }

    private void dropAndPreview(FxRobot robot) {
        Node queue = robot.lookup("#documents-queue").query();
        Drops.drop(robot, queue, Path.of("brief.txt"));
        WaitForAsyncUtils.waitForFxEvents();
        summaries.report(0, listener -> {
            listener.state(State.AWAITING_SEND);
            listener.preview(PREVIEW);
        });
        WaitForAsyncUtils.waitForFxEvents();
    }
}
