package org.hearth.ui.documents;

import atlantafx.base.theme.Styles;
import java.util.List;
import javafx.beans.binding.Bindings;
import javafx.beans.value.ChangeListener;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.hearth.ui.common.Confirmation;
import org.hearth.ui.common.Icons;
import org.hearth.ui.common.Localization;
import org.hearth.ui.common.Message;
import org.hearth.ui.common.RowCell;
import org.hearth.ui.service.SummaryJob.State;

/**
 * One queue row: file name, what is happening, a thin progress bar while running, and at the right edge a worded
 * Cancel button while the job runs or a remove cross once it ended, so stopping a job never looks like deleting.
 * The cross deletes a kept summary for good, so there it asks first.
 */
final class DocumentCell extends RowCell<DocumentItem> {

    private final Localization localization;
    private final Label name = new Label();
    private final Label status = new Label();
    private final ProgressBar progress = new ProgressBar();
    private final Button cancel = new Button();
    private final Button remove = new Button();
    private final Tooltip removeTip = new Tooltip();
    private final ChangeListener<State> stateListener = (obs, old, state) -> StateTone.apply(status, state);
    private DocumentItem shown;

    DocumentCell(Localization localization, DocumentsViewModel viewModel) {
        this.localization = localization;
        name.getStyleClass().add(Styles.TEXT_BOLD);
        status.getStyleClass().addAll(Styles.TEXT_SMALL, "queue-status");
        progress.getStyleClass().add(Styles.SMALL);
        progress.setMaxWidth(Double.MAX_VALUE);
        cancel.getStyleClass().addAll(Styles.SMALL, Styles.BUTTON_OUTLINED, "queue-cancel");
        cancel.textProperty().bind(localization.text("documents.cancel"));
        cancel.setTooltip(tooltip(localization, "documents.cancel.tip"));
        cancel.setOnAction(e -> shown.cancel());
        remove.getStyleClass().addAll(Styles.BUTTON_ICON, Styles.FLAT, Styles.SMALL, "queue-remove");
        remove.setGraphic(Icons.cross());
        remove.setTooltip(removeTip);
        remove.accessibleTextProperty().bind(removeTip.textProperty());
        remove.setOnAction(e -> {
            if (!shown.isStored() || Confirmation.confirmed(this, localization, "documents.delete.title",
                    localization.get("documents.delete.text", shown.fileName()), "documents.delete.ok", "documents.delete.keep")) {
                viewModel.remove(shown);
            }
        });
        VBox text = widthless(new VBox(4, name, status, progress));
        HBox.setHgrow(text, Priority.ALWAYS);
        HBox row = new HBox(8, text, cancel, remove);
        row.setAlignment(Pos.CENTER_LEFT);
        setRow(row);
    }

    @Override
    protected void updateItem(DocumentItem item, boolean empty) {
        super.updateItem(item, empty);
        if (shown != null) {
            shown.stateProperty().removeListener(stateListener);
            status.textProperty().unbind();
            removeTip.textProperty().unbind();
            progress.progressProperty().unbind();
            for (var node : List.of(progress, cancel, remove)) {
                node.visibleProperty().unbind();
                node.managedProperty().unbind();
            }
        }
        shown = empty ? null : item;
        if (shown == null) {
            showNothing();
            return;
        }
        name.setText(shown.fileName());
        status.textProperty().bind(localization.text(shown.statusProperty()));
        removeTip.textProperty().bind(localization.text(Bindings.createObjectBinding(
                () -> Message.of(item.isStored() ? "documents.delete" : "documents.remove"), item.storedProperty())));
        progress.progressProperty().bind(shown.progressProperty());
        for (var node : List.of(progress, cancel)) {
            node.visibleProperty().bind(shown.runningProperty());
            node.managedProperty().bind(shown.runningProperty());
        }
        remove.visibleProperty().bind(shown.runningProperty().not());
        remove.managedProperty().bind(shown.runningProperty().not());
        shown.stateProperty().addListener(stateListener);
        StateTone.apply(status, shown.getState());
        showRow();
    }

    private static Tooltip tooltip(Localization localization, String key) {
        Tooltip tip = new Tooltip();
        tip.textProperty().bind(localization.text(key));
        return tip;
    }
}
