package org.hearth.ui.inbox;

import atlantafx.base.controls.ToggleSwitch;
import atlantafx.base.theme.Styles;
import atlantafx.base.theme.Tweaks;
import java.io.File;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import org.hearth.assistant.task.triage.TriageCategory;
import org.hearth.ui.common.Confirmation;
import org.hearth.ui.common.Controls;
import org.hearth.ui.common.Localization;
import org.hearth.ui.common.LocalizedCell;
import org.hearth.ui.common.Message;
import org.hearth.ui.common.ProgressTask;
import org.hearth.ui.common.TaskControls;
import org.hearth.ui.service.InboxService.Account;
import org.hearth.ui.service.InboxService.MailItem;
import org.hearth.ui.service.InboxService.Status;

/**
 * The Inbox tab: the account and its run at the top, the mails in triage order on the left with a category
 * filter and the deadline export, the selected mail on the right. Keys in the list: 1–5 set the priority,
 * E exports the deadlines.
 */
public final class InboxView extends BorderPane {

    private final Localization localization;
    private final InboxViewModel viewModel;

    public InboxView(Localization localization, InboxViewModel viewModel) {
        this.localization = localization;
        this.viewModel = viewModel;
        getStyleClass().add("inbox-view");
        setTop(new VBox(toolbar(), activity()));
        SplitPane split = new SplitPane(mailList(), new MailDetailView(localization, viewModel));
        split.setDividerPositions(0.45);
        setCenter(split);
    }

    private HBox toolbar() {
        ComboBox<Account> account = new ComboBox<>(viewModel.accounts());
        account.setId("inbox-account");
        account.setCellFactory(list -> new AccountCell());
        account.setButtonCell(new AccountCell());
        account.promptTextProperty().bind(localization.text("inbox.account.none"));
        account.setValue(viewModel.accountProperty().get());
        viewModel.accountProperty().addListener((obs, old, now) -> account.setValue(now));
        // Replacing the items may clear the chooser's value although the account stays the same.
        viewModel.accounts().addListener((ListChangeListener<Account>) change -> account.setValue(viewModel.accountProperty().get()));
        account.valueProperty().addListener((obs, old, now) -> {
            if (now != null) {
                viewModel.selectAccount(now);
            }
        });
        account.disableProperty().bind(Bindings.isEmpty(viewModel.accounts()));
        // The chooser gives way first when the window is narrow; labels and buttons keep their words.
        account.setPrefWidth(300);
        account.setMinWidth(120);
        Tooltip address = new Tooltip();
        address.textProperty().bind(Bindings.createStringBinding(
                () -> account.getValue() == null ? "" : account.getValue().address(), account.valueProperty()));
        account.setTooltip(address);

        Button add = new Button();
        add.setId("inbox-add-account");
        add.textProperty().bind(localization.text("inbox.addAccount"));
        add.setOnAction(e -> AddAccountDialog.open(getScene().getWindow(), localization, viewModel));
        // Without an account, adding one is the thing to do.
        Controls.accentWhile(add, viewModel.accountProperty().isNull());

        BooleanBinding noAccount = viewModel.accountProperty().isNull();
        MenuItem remove = new MenuItem();
        remove.setId("inbox-remove-account");
        remove.textProperty().bind(localization.text("inbox.removeAccount"));
        remove.setOnAction(e -> confirmRemoval());
        MenuButton more = new MenuButton("\u22EF", null, remove);
        more.setId("inbox-account-menu");
        more.getStyleClass().addAll(Styles.FLAT, Tweaks.NO_ARROW);
        more.accessibleTextProperty().bind(localization.text("inbox.accountMenu"));
        more.disableProperty().bind(noAccount);

        ProgressTask run = viewModel.run();
        Button fetch = new Button();
        fetch.setId("inbox-fetch");
        fetch.textProperty().bind(localization.text("inbox.fetch"));
        fetch.getStyleClass().add(Styles.ACCENT);
        fetch.disableProperty().bind(noAccount.or(run.runningProperty()));
        fetch.setOnAction(e -> viewModel.refresh());

        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        Label accountLabel = Controls.label(localization, "inbox.account");
        HBox bar = new HBox(8, accountLabel, account, more, add, spacer, writeBack(noAccount), fetch);
        for (Region keepsWidth : List.of(accountLabel, more, add, fetch)) {
            keepsWidth.setMinWidth(Region.USE_PREF_SIZE);
        }
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setPadding(new Insets(8, 16, 8, 16));
        bar.getStyleClass().add("inbox-toolbar");
        return bar;
    }

    /** Off by default: Hearth only reads unless the user lets it set its own IMAP keywords. */
    private VBox writeBack(BooleanBinding noAccount) {
        ToggleSwitch toggle = new ToggleSwitch();
        toggle.setId("inbox-write-back");
        toggle.textProperty().bind(localization.text("inbox.writeBack"));
        toggle.disableProperty().bind(noAccount);
        toggle.selectedProperty().bindBidirectional(viewModel.writeBackProperty());
        Label hint = Controls.label(localization, "inbox.writeBack.hint");
        hint.setId("inbox-write-back-hint");
        hint.getStyleClass().addAll(Styles.TEXT_SMALL, Styles.TEXT_MUTED);
        Tooltip detail = new Tooltip();
        detail.textProperty().bind(localization.text("inbox.writeBack.detail"));
        detail.setWrapText(true);
        detail.setMaxWidth(360);
        toggle.setTooltip(detail);
        hint.setTooltip(detail);
        toggle.setMinWidth(Region.USE_PREF_SIZE);
        hint.setMinWidth(Region.USE_PREF_SIZE);
        VBox box = new VBox(2, toggle, hint);
        box.setAlignment(Pos.CENTER_RIGHT);
        box.setPadding(new Insets(0, 8, 0, 0));
        return box;
    }

    /** While a run goes: its bar, its line and cancel. Afterwards: how it ended, or the last action's outcome. */
    private HBox activity() {
        ProgressTask run = viewModel.run();
        HBox box = new HBox(12, TaskControls.progressBar(run, "inbox-progress"),
                TaskControls.statusLine(localization, run, viewModel.noticeProperty(), "inbox-activity-line"),
                TaskControls.cancelButton(localization, run, "inbox.cancel", "inbox-cancel"));
        box.setId("inbox-activity");
        box.getStyleClass().add("inbox-activity");
        box.setAlignment(Pos.CENTER_LEFT);
        box.setPadding(new Insets(6, 16, 6, 16));
        box.visibleProperty().bind(run.runningProperty().or(viewModel.noticeProperty().isNotNull()));
        box.managedProperty().bind(box.visibleProperty());
        return box;
    }

    private VBox mailList() {
        List<Optional<TriageCategory>> choices = Stream.concat(Stream.of(Optional.<TriageCategory>empty()),
                Stream.of(TriageCategory.values()).map(Optional::of)).toList();
        ComboBox<Optional<TriageCategory>> filter = LocalizedCell.comboBox(localization, choices, viewModel.filterProperty().get(),
                choice -> localization.get(InboxWording.filter(choice)));
        filter.setId("inbox-filter");
        viewModel.filterProperty().bind(filter.valueProperty());

        Button export = new Button();
        export.setId("inbox-export");
        export.textProperty().bind(localization.text("inbox.export"));
        export.disableProperty().bind(viewModel.anyDeadlineShown().not());
        export.setOnAction(e -> chooseExportTarget());
        Tooltip exportTip = new Tooltip();
        exportTip.textProperty().bind(localization.text("inbox.export.tooltip"));
        export.setTooltip(exportTip);

        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox header = new HBox(8, filter, spacer, export);
        header.setAlignment(Pos.CENTER_LEFT);
        header.setPadding(new Insets(8));
        header.getStyleClass().add("inbox-list-header");

        ListView<MailItem> list = new ListView<>(viewModel.shownMails());
        list.setId("inbox-list");
        list.getStyleClass().add("inbox-list");
        list.setCellFactory(view -> new MailCell(localization));
        list.setPlaceholder(placeholder());
        list.getSelectionModel().selectedItemProperty().addListener((obs, old, mail) -> {
            if (mail != null) {
                viewModel.select(mail);
            }
        });
        viewModel.selectedProperty().addListener((obs, old, mail) -> showSelection(list));
        // Rows replaced by a run or a reload can move the list's selection; the opened mail stays selected.
        viewModel.shownMails().addListener((ListChangeListener<MailItem>) change -> showSelection(list));
        list.addEventHandler(KeyEvent.KEY_PRESSED, e -> onKey(e, list.getSelectionModel().getSelectedItem()));
        VBox.setVgrow(list, Priority.ALWAYS);
        VBox pane = new VBox(header, list);
        pane.setMinWidth(320);
        return pane;
    }

    private void showSelection(ListView<MailItem> list) {
        MailItem mail = viewModel.selectedProperty().get();
        if (mail == null) {
            list.getSelectionModel().clearSelection();
        } else if (list.getSelectionModel().getSelectedItem() != mail) {
            list.getSelectionModel().select(mail);
        }
    }

    /** What an empty list means: no account yet, nothing fetched yet, or nothing in this category. */
    private Label placeholder() {
        Label placeholder = new Label();
        placeholder.setId("inbox-placeholder");
        placeholder.textProperty().bind(localization.text(Bindings.createObjectBinding(() -> {
            if (!viewModel.accountsLoadedProperty().get()) {
                return null;
            }
            if (viewModel.accountProperty().get() == null) {
                return Message.of("inbox.empty.noAccount");
            }
            return viewModel.filterProperty().get().isPresent()
                    ? Message.of("inbox.empty.category")
                    : Message.of("inbox.empty.noMail");
        }, viewModel.accountsLoadedProperty(), viewModel.accountProperty(), viewModel.filterProperty())));
        placeholder.setWrapText(true);
        placeholder.getStyleClass().add(Styles.TEXT_MUTED);
        placeholder.setPadding(new Insets(16));
        return placeholder;
    }

    private void onKey(KeyEvent event, MailItem mail) {
        if (event.getCode() == KeyCode.E) {
            event.consume();
            if (!viewModel.anyDeadlineShown().get()) {
                return;
            }
            chooseExportTarget();
            return;
        }
        int priority = priorityOf(event.getCode());
        if (priority > 0 && mail != null && mail.status() == Status.OK) {
            event.consume();
            if (priority != mail.priority()) {
                viewModel.relabel(mail, mail.category(), priority);
            }
        }
    }

    private static int priorityOf(KeyCode code) {
        return switch (code) {
            case DIGIT1, NUMPAD1 -> 1;
            case DIGIT2, NUMPAD2 -> 2;
            case DIGIT3, NUMPAD3 -> 3;
            case DIGIT4, NUMPAD4 -> 4;
            case DIGIT5, NUMPAD5 -> 5;
            default -> 0;
        };
    }

    /** Removing forgets the stored mails and the user's labels with them, so it asks first. */
    private void confirmRemoval() {
        Account current = viewModel.accountProperty().get();
        if (current == null) {
            return;
        }
        if (Confirmation.confirmed(this, localization, "inbox.removeAccount.title",
                localization.get("inbox.removeAccount.text", current.name()), "inbox.removeAccount.ok", "inbox.account.cancel")) {
            viewModel.removeAccount();
        }
    }

    private void chooseExportTarget() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(localization.get("inbox.export.title"));
        chooser.setInitialFileName(localization.get("inbox.export.fileName") + ".ics");
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(localization.get("inbox.export.filter"), "*.ics"));
        File target = chooser.showSaveDialog(getScene().getWindow());
        if (target != null) {
            viewModel.exportDeadlines(target.toPath());
        }
    }

    /** An account by its name; the address is in the chooser's tooltip. */
    private static final class AccountCell extends ListCell<Account> {
        @Override
        protected void updateItem(Account account, boolean empty) {
            super.updateItem(account, empty);
            setText(empty || account == null ? null : account.name());
        }
    }
}
