package org.hearth.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hearth.ui.DocumentsWindowTest.text;
import static org.hearth.ui.DocumentsWindowTest.visible;

import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javafx.scene.control.ComboBox;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.hearth.ingest.mail.ImapAccount.Security;
import org.hearth.ui.FakeInboxService.Attempt;
import org.hearth.ui.service.InboxService.Account;
import org.hearth.ui.service.InboxService.SignIn;
import org.hearth.ui.service.ModelService.ModelState;
import org.hearth.ui.service.SettingsService.Theme;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** Adding a mail account in German: a wrong password is worded and can be corrected in the open dialog. */
@ExtendWith(ApplicationExtension.class)
class InboxAccountTest {

    private final FakeInboxService inbox = new FakeInboxService();

    @Start
    void start(Stage stage) {
        new MainWindow(new FakeModelService(new ModelState.Ready("Qwen3.5 4B")), new FakeSettingsService("de", Theme.LIGHT),
                AppTabs.of(new FakeSummaryService(), new FakeExportService(), inbox, new FakeSearchService()), Locale.GERMAN).show(stage);
    }

    @Test
    void a_wrong_password_is_worded_and_the_corrected_one_adds_the_account(FxRobot robot) throws TimeoutException {
        robot.clickOn("#nav-inbox");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> visible(robot, "#inbox-placeholder")
                && text(robot, "#inbox-placeholder").startsWith("Noch kein Postfach verbunden."));
        assertThat(robot.lookup("#inbox-fetch").queryButton().isDisabled()).isTrue();

        robot.clickOn("#inbox-add-account");
        robot.clickOn("#account-name").write("Kanzlei");
        robot.clickOn("#account-host").write("imap.example.de");
        robot.clickOn("#account-user").write("kanzlei@example.de");
        TextField port = robot.lookup("#account-port").queryAs(TextField.class);
        assertThat(port.getText()).isEqualTo("993");
        ComboBox<Security> security = robot.lookup("#account-security").queryComboBox();
        robot.interact(() -> security.setValue(Security.STARTTLS));
        assertThat(port.getText()).as("the port follows the encryption").isEqualTo("143");
        robot.interact(() -> security.setValue(Security.IMAPS));
        assertThat(port.getText()).isEqualTo("993");
        assertThat(robot.lookup("#account-add").queryButton().isDisabled()).as("no password yet").isTrue();

        robot.clickOn("#account-password").write("falsch");
        robot.clickOn("#account-add");
        Attempt wrong = inbox.nextAttempt();
        assertThat(wrong.account().host()).isEqualTo("imap.example.de");
        assertThat(wrong.account().port()).isEqualTo(993);
        assertThat(wrong.account().security()).isEqualTo(Security.IMAPS);
        assertThat(wrong.account().folder()).isEqualTo("INBOX");
        assertThat(wrong.account().signIn()).isEqualTo(SignIn.PASSWORD);
        assertThat(wrong.account().trustedCertificate()).isEqualTo(Optional.empty());
        assertThat(wrong.password()).isEqualTo("falsch");

        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> visible(robot, "#account-error"));
        assertThat(text(robot, "#account-error")).isEqualTo(
                "Der Server hat Benutzername und Passwort nicht angenommen – bitte prüfen Sie beides (auf Groß- und Kleinschreibung achten).");
        assertThat(text(robot, "#account-error-detail")).isEqualTo("Antwort des Servers: AUTHENTICATIONFAILED Invalid credentials");
        assertThat(inbox.accounts()).isEmpty();

        robot.interact(() -> robot.lookup("#account-password").queryAs(TextField.class).clear());
        robot.clickOn("#account-password").write(FakeInboxService.RIGHT_PASSWORD);
        robot.clickOn("#account-add");
        assertThat(inbox.nextAttempt().password()).isEqualTo(FakeInboxService.RIGHT_PASSWORD);

        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#account-add").tryQuery().isEmpty());
        WaitForAsyncUtils.waitForFxEvents();
        ComboBox<Account> chooser = robot.lookup("#inbox-account").queryComboBox();
        assertThat(chooser.getValue().name()).isEqualTo("Kanzlei");
        assertThat(robot.lookup("#inbox-fetch").queryButton().isDisabled()).isFalse();
        assertThat(text(robot, "#inbox-placeholder")).startsWith("Noch keine Mails.");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> inbox.watching(chooser.getValue().id()));
    }
}
