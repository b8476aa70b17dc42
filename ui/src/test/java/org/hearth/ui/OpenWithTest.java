package org.hearth.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import javafx.scene.Node;
import javafx.stage.Stage;
import org.hearth.ui.service.ModelService.ModelState;
import org.hearth.ui.service.SettingsService.Theme;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** "Open with Hearth" on a PDF: the installed launcher hands the file to the window, which queues it like a drop. */
@ExtendWith(ApplicationExtension.class)
class OpenWithTest {

    private final FakeSummaryService summaries = new FakeSummaryService();
    private MainWindow window;

    @Start
    void start(Stage stage) {
        window = new MainWindow(new FakeModelService(new ModelState.Ready("Qwen3.5 4B")), new FakeSettingsService("en", Theme.LIGHT),
                AppTabs.of(summaries, new FakeExportService(), new FakeInboxService(), new FakeSearchService()), Locale.ENGLISH);
        window.show(stage);
    }

    @Test
    void a_file_opened_from_the_desktop_is_queued_in_documents_which_comes_to_the_front(FxRobot robot) {
        robot.clickOn("#nav-inbox");
        assertThat(shown(robot.lookup("#documents-queue").query())).as("the user is in another tab").isFalse();

        robot.interact(() -> window.addFiles(List.of(Path.of("/home/anna/vertrag.pdf"))));
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(summaries.calls()).extracting(FakeSummaryService.Call::file).containsExactly(Path.of("/home/anna/vertrag.pdf"));
        assertThat(shown(robot.lookup("#documents-queue").query())).isTrue();
    }

    private static boolean shown(Node node) {
        for (Node n = node; n != null; n = n.getParent()) {
            if (!n.isVisible()) {
                return false;
            }
        }
        return true;
    }
}
