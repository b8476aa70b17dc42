package org.hearth.ui.documents;

import atlantafx.base.theme.Styles;
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
import org.hearth.ui.common.Icons;
import org.hearth.ui.common.Localization;
import org.hearth.ui.common.RowCell;
import org.hearth.ui.service.SummaryJob.State;

/**
 * One queue row: file name, what is happening, a thin progress bar while running, and cancel / remove at the
 * right edge.
 */
final class DocumentCell extends RowCell<DocumentItem> {

    private final Localization localization;
    private final Label name = new Label();
    private final Label status = new Label();
    private final ProgressBar progress = new ProgressBar();
    private final Button action = new Button();
    private final Tooltip actionTip = new Tooltip();
    private final ChangeListener<State> stateListener = (obs, old, state) -> StateTone.apply(status, state);
    private DocumentItem shown;

    DocumentCell(Localization localization, DocumentsViewModel viewModel) {
        this.localization = localization;
        name.getStyleClass().add(Styles.TEXT_BOLD);
        status.getStyleClass().addAll(Styles.TEXT_SMALL, "queue-status");
        progress.getStyleClass().add(Styles.SMALL);
        progress.setMaxWidth(Double.MAX_VALUE);
        action.getStyleClass().addAll(Styles.BUTTON_ICON, Styles.FLAT, Styles.SMALL, "queue-action");
        action.setTooltip(actionTip);
        action.setOnAction(e -> {
            if (shown.isRunning()) {
                shown.cancel();
            } else {
                viewModel.remove(shown);
            }
        });
        action.setGraphic(Icons.cross());
        VBox text = widthless(new VBox(4, name, status, progress));
        HBox.setHgrow(text, Priority.ALWAYS);
        HBox row = new HBox(8, text, action);
        row.setAlignment(Pos.CENTER_LEFT);
        setRow(row);
    }

    @Override
    protected void updateItem(DocumentItem item, boolean empty) {
        super.updateItem(item, empty);
        if (shown != null) {
            shown.stateProperty().removeListener(stateListener);
            status.textProperty().unbind();
            progress.progressProperty().unbind();
            progress.visibleProperty().unbind();
            progress.managedProperty().unbind();
            actionTip.textProperty().unbind();
            action.accessibleTextProperty().unbind();
        }
        shown = empty ? null : item;
        if (shown == null) {
            showNothing();
            return;
        }
        name.setText(shown.fileName());
        status.textProperty().bind(localization.text(shown.statusProperty()));
        progress.progressProperty().bind(shown.progressProperty());
        progress.visibleProperty().bind(shown.runningProperty());
        progress.managedProperty().bind(shown.runningProperty());
        var actionText = Bindings.when(shown.runningProperty())
                .then(localization.text("documents.cancel"))
                .otherwise(localization.text("documents.remove"));
        actionTip.textProperty().bind(actionText);
        action.accessibleTextProperty().bind(actionText);
        shown.stateProperty().addListener(stateListener);
        StateTone.apply(status, shown.getState());
        showRow();
    }
}
