package org.hearth.ui.common;

import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;

/**
 * A list row laid out by hand: the subclass builds one region for the row and this cell stretches it over
 * its whole width, so whatever sits at the row's end lines up at the list's right edge.
 */
public abstract class RowCell<T> extends ListCell<T> {

    private Region row;

    /** Call once, at the end of the subclass's constructor. */
    protected final void setRow(Region newRow) {
        row = newRow;
    }

    protected final Region row() {
        return row;
    }

    protected final void showRow() {
        setGraphic(row);
    }

    protected final void showNothing() {
        setGraphic(null);
    }

    protected final boolean showsRow() {
        return row != null && getGraphic() == row;
    }

    @Override
    protected void layoutChildren() {
        super.layoutChildren();
        if (showsRow()) {
            double left = snappedLeftInset();
            double top = snappedTopInset();
            row.resizeRelocate(left, top, getWidth() - left - snappedRightInset(), getHeight() - top - snappedBottomInset());
        }
    }

    /**
     * No width of its own: long text ends in an ellipsis or wraps at the list's width instead of widening
     * the list.
     */
    protected static <R extends Region> R widthless(R region) {
        region.setMinWidth(0);
        region.setPrefWidth(0);
        return region;
    }

    /** A label that takes the line's spare width and gives it up first when the line gets narrow. */
    protected static Label growing(Label label) {
        label.setMinWidth(0);
        label.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(label, Priority.ALWAYS);
        return label;
    }
}
