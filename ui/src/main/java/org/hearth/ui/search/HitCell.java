package org.hearth.ui.search;

import atlantafx.base.theme.Styles;
import java.util.function.Consumer;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.text.Text;
import javafx.scene.text.TextFlow;
import org.hearth.ui.common.Localization;
import org.hearth.ui.common.Message;
import org.hearth.ui.common.RowCell;
import org.hearth.ui.service.SearchService.Hit;
import org.hearth.ui.service.SearchService.Location;

/**
 * One passage found: the file, the page or paragraphs, and the snippet with the matching words set off.
 * The place and the button sit at the right edge. The score stays hidden: it means nothing to the reader,
 * the order says enough.
 */
final class HitCell extends RowCell<Hit> {

    private final Localization localization;
    private final Label file = new Label();
    private final Label place = new Label();
    private final TextFlow snippet = new TextFlow();
    private final Button open = new Button();

    HitCell(Localization localization, Consumer<Location> opener) {
        this.localization = localization;
        getStyleClass().add("hit-cell");
        growing(file).getStyleClass().addAll(Styles.TEXT_BOLD, "hit-file");
        place.getStyleClass().addAll(Styles.TEXT_MUTED, "hit-place");
        place.setMinWidth(Region.USE_PREF_SIZE);
        open.textProperty().bind(localization.text("search.open"));
        open.getStyleClass().addAll(Styles.FLAT, Styles.SMALL, "hit-open");
        open.setMinWidth(Region.USE_PREF_SIZE);
        Tooltip openTip = new Tooltip();
        openTip.textProperty().bind(localization.text("search.open.tooltip"));
        open.setTooltip(openTip);
        open.setOnAction(e -> {
            if (getItem() != null) {
                opener.accept(getItem().location());
            }
        });
        snippet.getStyleClass().add("hit-snippet");
        HBox top = new HBox(8, file, place, open);
        top.setAlignment(Pos.CENTER_LEFT);
        setRow(widthless(new VBox(2, top, snippet)));
    }

    /** As tall as the snippet wrapped at the cell's width, which the list hands in. */
    @Override
    protected double computePrefHeight(double width) {
        if (!showsRow() || width <= 0) {
            return super.computePrefHeight(width);
        }
        double inner = width - snappedLeftInset() - snappedRightInset();
        return snappedTopInset() + row().prefHeight(inner) + snappedBottomInset();
    }

    @Override
    protected void updateItem(Hit hit, boolean empty) {
        super.updateItem(hit, empty);
        place.textProperty().unbind();
        if (empty || hit == null) {
            showNothing();
            return;
        }
        file.setText(hit.location().fileName());
        Message where = SearchWording.place(hit.location()).orElse(null);
        if (where == null) {
            place.setText("");
        } else {
            place.textProperty().bind(localization.text(where.key(), where.args().toArray()));
        }
        snippet.getChildren().setAll(SnippetRuns.of(hit.snippet(), hit.highlights()).stream()
                .map(HitCell::text).toList());
        showRow();
    }

    private static Node text(SnippetRuns.Run run) {
        Text text = new Text(run.text());
        text.getStyleClass().add(run.match() ? "snippet-match" : "snippet-text");
        return text;
    }
}
