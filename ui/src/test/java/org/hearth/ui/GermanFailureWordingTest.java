package org.hearth.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hearth.ui.DocumentsWindowTest.text;
import static org.hearth.ui.DocumentsWindowTest.visible;

import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javafx.scene.control.ComboBox;
import javafx.stage.Stage;
import org.hearth.ui.service.InboxService.SignIn;
import org.hearth.ui.service.ModelService.ModelState;
import org.hearth.ui.service.SettingsService.Theme;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The services' own words are English and technical: in the German window a failed download and a sign-in the firm
 * has not set up read German, and what the service said shows as technical details, not as the server's answer.
 */
@ExtendWith(ApplicationExtension.class)
class GermanFailureWordingTest {

    private final FakeModelService models = new FakeModelService(new ModelState.None());
    private final FakeInboxService inbox = new FakeInboxService();

    @Start
    void start(Stage stage) {
        new MainWindow(models, new FakeSettingsService("de", Theme.LIGHT),
                AppTabs.of(new FakeSummaryService(), new FakeExportService(), inbox, new FakeSearchService()), Locale.GERMAN)
                .show(stage);
    }

    @Test
    void a_failed_download_is_worded_in_german_with_the_cause_as_details(FxRobot robot) {
        robot.clickOn("#firstrun-download");
        models.announce(new ModelState.Failed(ModelState.Failed.Reason.NETWORK, "Connection reset by peer"));
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(text(robot, "#firstrun-problem")).isEqualTo("Der Download ist abgebrochen – bitte prüfen Sie die "
                + "Internetverbindung und klicken Sie erneut auf „Herunterladen“; er setzt dort fort, wo er aufgehört hat.");
        assertThat(text(robot, "#firstrun-problem-detail"))
                .isEqualTo("Technische Einzelheiten (für Ihre IT): Connection reset by peer");
        assertThat(text(robot, "#status-model")).isEqualTo("Modell nicht verfügbar");
        assertThat(robot.lookup("#status-model").queryLabeled().getTooltip().getText())
                .startsWith("Der Download ist abgebrochen");
    }

    @Test
    void a_mail_that_could_not_be_triaged_says_so_in_german_with_the_cause_as_details(FxRobot robot) throws TimeoutException {
        models.announce(new ModelState.Ready("Qwen3.5 4B"));
        inbox.addStoredAccount("acc-1", "Kanzlei");
        inbox.store(Mails.mail("broken").account("acc-1").from("Dr. Anna Berg").subject("Rückfrage")
                .received("2026-01-14T12:00:00Z").failed("the model gave no answer").build());
        robot.clickOn("#nav-inbox");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS,
                () -> robot.lookup("#inbox-list").queryListView().getItems().size() == 1);
        robot.clickOn(InboxWindowTest.cell(robot, "broken"));

        assertThat(text(robot, "#inbox-mail-state")).isEqualTo("Diese Mail konnte nicht eingeordnet werden. "
                + "Technische Einzelheiten (für Ihre IT): the model gave no answer");
    }

    @Test
    void a_sign_in_the_firm_has_not_set_up_is_worded_in_german_and_not_as_the_servers_answer(FxRobot robot)
            throws TimeoutException {
        models.announce(new ModelState.Ready("Qwen3.5 4B"));
        inbox.oauthNotSetUp = true;
        WaitForAsyncUtils.waitForFxEvents();
        robot.clickOn("#nav-inbox");
        robot.clickOn("#inbox-add-account");
        assertThat(visible(robot, "#account-signin-hint")).as("every sign-in is offered, nothing to explain").isFalse();
        ComboBox<SignIn> signIn = robot.lookup("#account-signin").queryComboBox();
        robot.interact(() -> signIn.setValue(SignIn.MICROSOFT_365));
        robot.clickOn("#account-name").write("Kanzlei");
        robot.clickOn("#account-user").write("kanzlei@example.de");
        robot.clickOn("#account-add");
        inbox.nextAttempt();

        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> visible(robot, "#account-error"));
        assertThat(text(robot, "#account-error")).isEqualTo("Diese Anmeldeart ist für Ihre Kanzlei nicht eingerichtet. "
                + "Ihre Kanzlei-IT kann sie einrichten; bis dahin melden Sie sich bitte mit dem Passwort des Postfachs an.");
        assertThat(text(robot, "#account-error-detail"))
                .startsWith("Technische Einzelheiten (für Ihre IT): No OAuth client id")
                .doesNotContain("Antwort des Servers");
    }
}
