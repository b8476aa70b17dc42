package org.hearth.ui.privacy;

import atlantafx.base.theme.Styles;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import org.hearth.assistant.route.JobClass;
import org.hearth.assistant.route.egress.EgressEntry;
import org.hearth.ui.common.Localization;

/**
 * The Protokoll, opened from the privacy badge of the status bar: it answers "what left, and was it allowed" where
 * the user sees whether anything leaves at all, and it is a record to look up, not a page of daily work.
 */
public final class EgressLogDialog extends Dialog<Void> {

    public EgressLogDialog(Window owner, Localization localization, EgressLogViewModel viewModel) {
        initOwner(owner);
        setResizable(true);
        setTitle(localization.get("egress.title"));
        Label intro = new Label(localization.get("egress.intro"));
        intro.setWrapText(true);
        intro.getStyleClass().add(Styles.TEXT_MUTED);

        TableView<EgressEntry> table = new TableView<>(viewModel.entries());
        table.setId("egress-entries");
        table.setPrefSize(900, 360);
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.setPlaceholder(new Label(localization.get("egress.empty")));
        DateTimeFormatter time = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM)
                .withLocale(Locale.forLanguageTag(localization.language())).withZone(ZoneId.systemDefault());
        table.getColumns().add(column(localization.get("egress.column.time"), entry -> time.format(entry.time())));
        table.getColumns().add(column(localization.get("egress.column.job"), entry -> jobName(localization, entry.jobClass())));
        table.getColumns().add(column(localization.get("egress.column.target"), entry -> entry.target() + " (" + entry.host() + ")"));
        table.getColumns().add(column(localization.get("egress.column.bytes"), entry -> localization.get("egress.bytes", entry.bytes())));
        table.getColumns().add(column(localization.get("egress.column.placeholders"), EgressLogDialog::placeholders));
        table.getColumns().add(column(localization.get("egress.column.confirmation"), entry -> confirmation(localization, entry.confirmation())));

        Button verify = new Button(localization.get("egress.verify"));
        verify.setId("egress-verify");
        verify.setOnAction(e -> viewModel.verify());
        Label verdict = new Label();
        verdict.setId("egress-verdict");
        verdict.setWrapText(true);
        verdict.textProperty().bind(localization.text(viewModel.verdictProperty()));
        viewModel.intactProperty().addListener((obs, old, intact) -> {
            verdict.getStyleClass().removeAll(Styles.SUCCESS, Styles.DANGER);
            if (intact != null) {
                verdict.getStyleClass().add(intact ? Styles.SUCCESS : Styles.DANGER);
            }
        });
        HBox check = new HBox(8, verify, verdict);
        check.setAlignment(Pos.CENTER_LEFT);

        TextArea sent = new TextArea();
        sent.setId("egress-text");
        sent.setEditable(false);
        sent.setWrapText(true);
        sent.setPrefRowCount(6);
        sent.setPromptText(localization.get("egress.text.choose"));
        table.getSelectionModel().selectedItemProperty().addListener((obs, old, entry) -> sent.setText(entry == null ? ""
                : entry.text().orElse(localization.get("egress.text.none"))));
        Label sentTitle = new Label(localization.get("egress.text"));
        sentTitle.getStyleClass().add(Styles.TEXT_BOLD);

        VBox content = new VBox(8, intro, table, check, sentTitle, sent);
        content.setPadding(new Insets(16));
        getDialogPane().setContent(content);
        ButtonType close = new ButtonType(localization.get("egress.close"), ButtonBar.ButtonData.CANCEL_CLOSE);
        getDialogPane().getButtonTypes().add(close);
        getDialogPane().lookupButton(close).setId("egress-close");
        viewModel.load();
    }

    private static TableColumn<EgressEntry, String> column(String title, Function<EgressEntry, String> value) {
        TableColumn<EgressEntry, String> column = new TableColumn<>(title);
        column.setCellValueFactory(cell -> new ReadOnlyStringWrapper(value.apply(cell.getValue())));
        column.setSortable(false);
        return column;
    }

    /** "PERSON 2, IBAN 1": how many values of each kind the job had replaced when the request left. */
    private static String placeholders(EgressEntry entry) {
        Map<String, Integer> sorted = new TreeMap<>(entry.placeholders());
        return sorted.entrySet().stream().map(count -> count.getKey() + " " + count.getValue()).collect(Collectors.joining(", "));
    }

    /** "summary" → "Zusammenfassung"; a kind this window does not know shows as the log has it. */
    private static String jobName(Localization localization, String jobClass) {
        return Arrays.stream(JobClass.values()).filter(job -> job.name().equalsIgnoreCase(jobClass)).findFirst()
                .map(job -> localization.get("settings.policy." + job.name())).orElse(jobClass);
    }

    /** The ways a request is confirmed are few and known; one the window does not know shows as written. */
    private static String confirmation(Localization localization, String confirmation) {
        return switch (confirmation) {
            case "preview" -> localization.get("egress.confirmation.preview");
            case "policy" -> localization.get("egress.confirmation.policy");
            case "cli --yes" -> localization.get("egress.confirmation.cli");
            default -> confirmation;
        };
    }
}
