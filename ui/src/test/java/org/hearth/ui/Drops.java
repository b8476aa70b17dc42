package org.hearth.ui;

import com.sun.javafx.scene.input.DragboardHelper;
import com.sun.javafx.tk.TKClipboard;
import com.sun.javafx.tk.Toolkit;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import javafx.event.Event;
import javafx.event.EventType;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.image.Image;
import javafx.scene.input.ClipboardContent;
import javafx.scene.input.DataFormat;
import javafx.scene.input.DragEvent;
import javafx.scene.input.Dragboard;
import javafx.scene.input.TransferMode;
import javafx.util.Pair;
import org.testfx.api.FxRobot;

/**
 * Drag and drop from the file manager, as close as a test gets: the robot cannot start an OS drag
 * carrying files, so the test builds the dragboard the toolkit would hand over and fires the same
 * drag events at a node of the window, which bubble up to the window's handlers.
 */
final class Drops {

    private Drops() {
    }

    /** Files dragged over {@code target}, not dropped yet. */
    static void dragOver(FxRobot robot, Node target, Path... files) {
        robot.interact(() -> fire(target, DragEvent.DRAG_OVER, dragboard(files)));
    }

    static void drop(FxRobot robot, Node target, Path... files) {
        robot.interact(() -> {
            Dragboard dragboard = dragboard(files);
            fire(target, DragEvent.DRAG_OVER, dragboard);
            fire(target, DragEvent.DRAG_DROPPED, dragboard);
        });
    }

    private static Dragboard dragboard(Path... files) {
        Dragboard dragboard = DragboardHelper.createDragboard(new FileManagerClipboard(Toolkit.getToolkit().createLocalClipboard()));
        ClipboardContent content = new ClipboardContent();
        content.putFiles(Arrays.stream(files).map(Path::toFile).toList());
        dragboard.setContent(content);
        return dragboard;
    }

    private static void fire(Node target, EventType<DragEvent> type, Dragboard dragboard) {
        Bounds bounds = target.localToScene(target.getBoundsInLocal());
        double x = bounds.getCenterX();
        double y = bounds.getCenterY();
        Event.fireEvent(target, new DragEvent(target, target, type, dragboard, x, y, x, y,
                TransferMode.COPY, null, target, null));
    }

    /** The toolkit's in-memory clipboard, offering the transfer modes a file manager offers for a drag. */
    private record FileManagerClipboard(TKClipboard content) implements TKClipboard {

        @Override
        public Set<TransferMode> getTransferModes() {
            return EnumSet.of(TransferMode.COPY, TransferMode.MOVE, TransferMode.LINK);
        }

        @Override
        public Set<DataFormat> getContentTypes() {
            return content.getContentTypes();
        }

        @Override
        @SafeVarargs
        @SuppressWarnings("varargs") // only handed on to the toolkit's clipboard, which reads the pairs
        public final boolean putContent(Pair<DataFormat, Object>... items) {
            return content.putContent(items);
        }

        @Override
        public Object getContent(DataFormat format) {
            return content.getContent(format);
        }

        @Override
        public boolean hasContent(DataFormat format) {
            return content.hasContent(format);
        }

        @Override
        public void setDragView(Image image) {
            content.setDragView(image);
        }

        @Override
        public void setDragViewOffsetX(double offsetX) {
            content.setDragViewOffsetX(offsetX);
        }

        @Override
        public void setDragViewOffsetY(double offsetY) {
            content.setDragViewOffsetY(offsetY);
        }

        @Override
        public Image getDragView() {
            return content.getDragView();
        }

        @Override
        public double getDragViewOffsetX() {
            return content.getDragViewOffsetX();
        }

        @Override
        public double getDragViewOffsetY() {
            return content.getDragViewOffsetY();
        }
    }
}
