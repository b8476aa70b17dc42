package org.hearth.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hearth.ui.DocumentsWindowTest.text;
import static org.hearth.ui.DocumentsWindowTest.visible;

import java.util.EnumSet;
import java.util.Locale;
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

/** Microsoft 365 and Google sign-in are offered only where the firm set them up; otherwise the dialog says who can. */
@ExtendWith(ApplicationExtension.class)
class SignInMethodsTest {

    private final FakeInboxService inbox = new FakeInboxService();

    @Start
    void start(Stage stage) {
        new MainWindow(new FakeModelService(new ModelState.Ready("Qwen3.5 4B")), new FakeSettingsService("de", Theme.LIGHT),
                AppTabs.of(new FakeSummaryService(), new FakeExportService(), inbox, new FakeSearchService()), Locale.GERMAN)
                .show(stage);
    }

    @Test
    void with_no_sign_in_set_up_only_the_password_is_offered_and_the_firms_it_is_named(FxRobot robot) {
        inbox.signInMethods = EnumSet.of(SignIn.PASSWORD);
        ComboBox<SignIn> signIn = openDialog(robot);

        assertThat(signIn.getItems()).containsExactly(SignIn.PASSWORD);
        assertThat(visible(robot, "#account-signin-hint")).isTrue();
        assertThat(text(robot, "#account-signin-hint")).isEqualTo("Die Anmeldung mit Microsoft 365 oder Google ist für "
                + "Ihre Kanzlei nicht eingerichtet. Ihre Kanzlei-IT kann sie einrichten; bis dahin melden Sie sich bitte mit "
                + "dem Passwort des Postfachs an.");
    }

    @Test
    void with_google_set_up_microsoft_is_left_out_and_explained(FxRobot robot) {
        inbox.signInMethods = EnumSet.of(SignIn.PASSWORD, SignIn.GOOGLE);
        ComboBox<SignIn> signIn = openDialog(robot);

        assertThat(signIn.getItems()).containsExactly(SignIn.PASSWORD, SignIn.GOOGLE);
        assertThat(text(robot, "#account-signin-hint"))
                .contains("Ihre Kanzlei-IT kann die Anmeldung mit Microsoft 365 einrichten")
                .doesNotContain("Google");
    }

    private static ComboBox<SignIn> openDialog(FxRobot robot) {
        robot.clickOn("#nav-inbox");
        robot.clickOn("#inbox-add-account");
        return robot.lookup("#account-signin").queryComboBox();
    }
}
