package org.hearth.ui.inbox;

import atlantafx.base.theme.Styles;
import java.io.File;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.event.ActionEvent;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.geometry.VPos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TextField;
import javafx.scene.control.TextFormatter;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.stage.Window;
import org.hearth.ingest.mail.ImapAccount.Security;
import org.hearth.ui.common.Localization;
import org.hearth.ui.common.LocalizedCell;
import org.hearth.ui.common.Message;
import org.hearth.ui.service.InboxService.Account;
import org.hearth.ui.service.InboxService.AccountException;
import org.hearth.ui.service.InboxService.NewAccount;
import org.hearth.ui.service.InboxService.SignIn;

/**
 * Adds a mail account: the server, how to sign in, and the certificate of a self-signed server if there is
 * one. The check runs in the background while the dialog stays open, so a rejection can be corrected in
 * place; a sign-in waiting in the browser can be cancelled.
 */
final class AddAccountDialog extends Dialog<Account> {

    private static final int MAX_PORT = 65_535;
    /** Wrapped lines get a width to wrap at: a dialog sizes itself before it knows its labels' heights. */
    private static final double WIDTH = 560;
    private static final double FIELD_WIDTH = 420;

    private final Localization localization;
    private final InboxViewModel viewModel;
    private final TextField name = new TextField();
    private final TextField host = new TextField();
    private final ComboBox<Security> security;
    private final TextField port = new TextField();
    private final ComboBox<SignIn> signIn;
    private final TextField user = new TextField();
    private final PasswordField password = new PasswordField();
    private final TextField folder = new TextField("INBOX");
    private final ObjectProperty<Path> certificate = new SimpleObjectProperty<>();
    private final Label pendingLine = new Label();
    private final Label error = new Label();
    private final Label errorDetail = new Label();
    private final BooleanProperty pending = new SimpleBooleanProperty();
    /** Read by the service while it waits for the browser sign-in. */
    private final AtomicBoolean cancelled = new AtomicBoolean();
    private final BooleanBinding complete;
    private final Button cancel;

    AddAccountDialog(Window owner, Localization localization, InboxViewModel viewModel) {
        this.localization = localization;
        this.viewModel = viewModel;
        initOwner(owner);
        setTitle(localization.get("inbox.account.title"));
        prepare(name, "account-name", "inbox.account.name.prompt");
        prepare(host, "account-host", "inbox.account.host.prompt");
        prepare(port, "account-port", null);
        prepare(user, "account-user", "inbox.account.user.prompt");
        prepare(folder, "account-folder", null);

        security = LocalizedCell.comboBox(localization, List.of(Security.values()), Security.IMAPS,
                s -> localization.get(InboxWording.security(s)));
        security.setId("account-security");
        port.setText(Integer.toString(defaultPort(Security.IMAPS)));
        port.setPrefColumnCount(5);
        port.setTextFormatter(new TextFormatter<String>(change -> change.getControlNewText().matches("\\d{0,5}") ? change : null));
        // A port the user typed stays; the default follows the encryption.
        security.valueProperty().addListener((obs, old, now) -> {
            if (old != null && port.getText().equals(Integer.toString(defaultPort(old)))) {
                port.setText(Integer.toString(defaultPort(now)));
            }
        });
        List<SignIn> signInMethods = viewModel.signInMethods();
        signIn = LocalizedCell.comboBox(localization, signInMethods, SignIn.PASSWORD,
                s -> localization.get(InboxWording.signIn(s)));
        signIn.setId("account-signin");
        signIn.valueProperty().addListener((obs, old, now) -> suggestHost(now));
        password.setId("account-password");
        complete = Bindings.createBooleanBinding(() -> !name.getText().isBlank() && !host.getText().isBlank()
                        && !user.getText().isBlank() && !folder.getText().isBlank() && validPort()
                        && (signIn.getValue() != SignIn.PASSWORD || !password.getText().isEmpty()),
                name.textProperty(), host.textProperty(), user.textProperty(), folder.textProperty(),
                port.textProperty(), password.textProperty(), signIn.valueProperty());

        BooleanBinding usesPassword = signIn.valueProperty().isEqualTo(SignIn.PASSWORD);
        password.visibleProperty().bind(usesPassword);
        password.managedProperty().bind(usesPassword);
        Label browserHint = hint(localization.text(Bindings.createObjectBinding(
                () -> Message.of("inbox.account.browserHint", InboxWording.signIn(signIn.getValue())), signIn.valueProperty())));
        browserHint.visibleProperty().bind(usesPassword.not());
        browserHint.managedProperty().bind(usesPassword.not());

        HBox securityAndPort = new HBox(8, security, text("inbox.account.port"), port);
        securityAndPort.setAlignment(Pos.CENTER_LEFT);

        GridPane form = new GridPane(16, 8);
        form.addRow(0, text("inbox.account.name"), name);
        form.addRow(1, text("inbox.account.host"), host);
        form.addRow(2, text("inbox.account.security"), securityAndPort);
        form.addRow(3, text("inbox.account.signIn"), new VBox(4, signIn, notSetUpHint(signInMethods)));
        form.addRow(4, text("inbox.account.user"), user);
        form.addRow(5, text("inbox.account.password"), new VBox(password, browserHint));
        form.addRow(6, text("inbox.account.folder"), folder);
        form.addRow(7, text("inbox.account.certificate"), certificateRow());
        for (Node label : form.getChildren().filtered(child -> GridPane.getColumnIndex(child) == 0)) {
            GridPane.setValignment(label, VPos.TOP);
            GridPane.setMargin(label, new Insets(6, 0, 0, 0));
        }
        ColumnConstraints labels = new ColumnConstraints();
        labels.setMinWidth(Region.USE_PREF_SIZE);
        ColumnConstraints fields = new ColumnConstraints();
        fields.setHgrow(Priority.ALWAYS);
        form.getColumnConstraints().addAll(labels, fields);

        ProgressIndicator spinner = new ProgressIndicator();
        spinner.setPrefSize(16, 16);
        pendingLine.setId("account-pending");
        pendingLine.setGraphic(spinner);
        pendingLine.setWrapText(true);
        wrapAt(pendingLine, WIDTH);
        pendingLine.visibleProperty().bind(pending);
        pendingLine.managedProperty().bind(pending);
        error.setId("account-error");
        error.getStyleClass().add(Styles.DANGER);
        error.setWrapText(true);
        wrapAt(error, WIDTH);
        wrapAt(errorDetail, WIDTH);
        errorDetail.setId("account-error-detail");
        errorDetail.getStyleClass().addAll(Styles.TEXT_SMALL, Styles.TEXT_MUTED);
        errorDetail.setWrapText(true);
        showError(null, null, "");
        // The dialog does not grow by itself when a line appears.
        pending.addListener((obs, old, now) -> fitWindow());

        Label privacy = hint(localization.text("inbox.account.privacy"));
        wrapAt(privacy, WIDTH);
        VBox content = new VBox(16, form, privacy,
                pendingLine, new VBox(4, error, errorDetail));
        content.setPadding(new Insets(8, 0, 0, 0));
        content.setPrefWidth(WIDTH);
        getDialogPane().setContent(content);

        ButtonType addType = new ButtonType(localization.get("inbox.account.add"), ButtonBar.ButtonData.OK_DONE);
        ButtonType cancelType = new ButtonType(localization.get("inbox.account.cancel"), ButtonBar.ButtonData.CANCEL_CLOSE);
        getDialogPane().getButtonTypes().addAll(addType, cancelType);
        Button add = (Button) getDialogPane().lookupButton(addType);
        add.setId("account-add");
        add.disableProperty().bind(complete.not().or(pending));
        // The dialog stays open while the account is checked; it closes itself when the service has answered.
        add.addEventFilter(ActionEvent.ACTION, e -> {
            e.consume();
            submit();
        });
        cancel = (Button) getDialogPane().lookupButton(cancelType);
        cancel.setId("account-cancel");
        cancel.addEventFilter(ActionEvent.ACTION, e -> {
            if (pending.get()) {
                e.consume();
                requestCancel();
            }
        });
        setOnCloseRequest(e -> {
            if (pending.get()) {
                e.consume();
                requestCancel();
            }
        });
        setResultConverter(button -> null);
    }

    /** Shows the dialog; an account it adds becomes the chosen one. */
    static void open(Window owner, Localization localization, InboxViewModel viewModel) {
        new AddAccountDialog(owner, localization, viewModel).showAndWait();
    }

    private void submit() {
        if (pending.get() || !complete.get()) {
            return;
        }
        showError(null, null, "");
        cancelled.set(false);
        cancel.setDisable(false);
        SignIn how = signIn.getValue();
        pendingLine.setText(localization.get(how == SignIn.PASSWORD
                ? Message.of("inbox.account.checking")
                : Message.of("inbox.account.waitingForBrowser", InboxWording.signIn(how))));
        pending.set(true);
        NewAccount account = new NewAccount(name.getText().strip(), host.getText().strip(), Integer.parseInt(port.getText()),
                security.getValue(), user.getText().strip(), folder.getText().strip(), how,
                how == SignIn.PASSWORD ? Optional.of(password.getText().toCharArray()) : Optional.empty(),
                Optional.ofNullable(certificate.get()));
        viewModel.addAccount(account, cancelled::get, added -> {
            pending.set(false);
            password.clear();
            setResult(added);
            close();
        }, rejected -> {
            pending.set(false);
            cancel.setDisable(false);
            if (cancelled.get()) {
                close();
            } else {
                showError(InboxWording.accountFailure(rejected.reason()),
                        rejected.reason().fromServer() ? "inbox.account.serverSaid" : "inbox.account.localDetail",
                        rejected.getMessage());
                focusFor(rejected.reason());
            }
        });
    }

    /**
     * Says who can make Microsoft 365 or Google sign-in available when the firm has not, instead of offering a
     * button that could only fail.
     */
    private Label notSetUpHint(List<SignIn> available) {
        List<SignIn> missing = Stream.of(SignIn.MICROSOFT_365, SignIn.GOOGLE).filter(s -> !available.contains(s)).toList();
        // The providers' names are the same in every language, so the one missing can be filled in once.
        Label hint = hint(missing.size() > 1 ? localization.text("inbox.account.signInNotSetUp.both")
                : localization.text("inbox.account.signInNotSetUp",
                        missing.isEmpty() ? "" : localization.get(InboxWording.signIn(missing.getFirst()))));
        hint.setId("account-signin-hint");
        hint.setVisible(!missing.isEmpty());
        hint.setManaged(!missing.isEmpty());
        return hint;
    }

    private void requestCancel() {
        cancelled.set(true);
        cancel.setDisable(true);
        pendingLine.setText(localization.get("inbox.account.cancelling"));
    }

    /** @param detailKey labels the detail: the server's answer, or technical details from this computer */
    private void showError(Message reason, String detailKey, String detail) {
        error.setText(reason == null ? "" : localization.get(reason));
        boolean hasDetail = reason != null && detail != null && !detail.isBlank();
        errorDetail.setText(hasDetail ? localization.get(detailKey, detail) : "");
        for (Label label : List.of(error, errorDetail)) {
            boolean shown = !label.getText().isEmpty();
            label.setVisible(shown);
            label.setManaged(shown);
        }
        fitWindow();
    }

    private void fitWindow() {
        Window window = getDialogPane().getScene() == null ? null : getDialogPane().getScene().getWindow();
        if (window != null) {
            window.sizeToScene();
        }
    }

    /** Puts the cursor where the correction goes. */
    private void focusFor(AccountException.Reason reason) {
        switch (reason) {
            case AUTHENTICATION_FAILED -> (signIn.getValue() == SignIn.PASSWORD ? password : user).requestFocus();
            case UNREACHABLE, TLS_UNAVAILABLE -> host.requestFocus();
            case FOLDER_NOT_FOUND -> folder.requestFocus();
            default -> { }
        }
    }

    private boolean validPort() {
        if (port.getText().isEmpty()) {
            return false;
        }
        int number = Integer.parseInt(port.getText());
        return number >= 1 && number <= MAX_PORT;
    }

    /** The known servers of the OAuth providers, so the user need not look them up. */
    private void suggestHost(SignIn now) {
        String known = switch (now) {
            case MICROSOFT_365 -> "outlook.office365.com";
            case GOOGLE -> "imap.gmail.com";
            case PASSWORD -> "";
        };
        if (!known.isEmpty() && host.getText().isBlank()) {
            host.setText(known);
        }
    }

    private VBox certificateRow() {
        Button choose = new Button();
        choose.setId("account-certificate");
        choose.textProperty().bind(localization.text("inbox.account.certificate.choose"));
        choose.setOnAction(e -> chooseCertificate());
        Label chosen = new Label();
        chosen.setId("account-certificate-file");
        chosen.textProperty().bind(Bindings.createStringBinding(
                () -> certificate.get() == null ? "" : certificate.get().getFileName().toString(), certificate));
        Button remove = new Button("\u2715");
        remove.getStyleClass().addAll(Styles.BUTTON_ICON, Styles.FLAT, Styles.SMALL);
        remove.accessibleTextProperty().bind(localization.text("inbox.account.certificate.remove"));
        remove.setOnAction(e -> certificate.set(null));
        remove.visibleProperty().bind(certificate.isNotNull());
        HBox row = new HBox(8, choose, chosen, remove);
        row.setAlignment(Pos.CENTER_LEFT);
        return new VBox(4, row, hint(localization.text("inbox.account.certificate.hint")));
    }

    /** The UI only hands the file's name on; the service reads and checks it. */
    private void chooseCertificate() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(localization.get("inbox.account.certificate.title"));
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(
                localization.get("inbox.account.certificate.filter"), "*.pem", "*.crt", "*.cer"));
        File file = chooser.showOpenDialog(getDialogPane().getScene().getWindow());
        if (file != null) {
            certificate.set(file.toPath());
        }
    }

    private static int defaultPort(Security security) {
        return switch (security) {
            case IMAPS -> 993;
            case STARTTLS -> 143;
        };
    }

    private void prepare(TextField field, String id, String promptKey) {
        field.setId(id);
        if (promptKey != null) {
            field.promptTextProperty().bind(localization.text(promptKey));
        }
    }

    private Label text(String key) {
        Label label = new Label();
        label.textProperty().bind(localization.text(key));
        return label;
    }

    /** A small explanation under a field, wrapped to the field's width. */
    private static Label hint(StringBinding text) {
        Label hint = new Label();
        hint.textProperty().bind(text);
        hint.getStyleClass().addAll(Styles.TEXT_SMALL, Styles.TEXT_MUTED);
        hint.setWrapText(true);
        wrapAt(hint, FIELD_WIDTH);
        return hint;
    }

    private static void wrapAt(Label label, double width) {
        label.setPrefWidth(width);
        label.setMinHeight(Region.USE_PREF_SIZE);
    }
}
