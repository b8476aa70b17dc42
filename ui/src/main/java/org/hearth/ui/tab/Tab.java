package org.hearth.ui.tab;

import java.nio.file.Path;
import java.util.List;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.value.ObservableIntegerValue;
import javafx.scene.Node;
import org.hearth.ui.common.Localization;

/**
 * One page of the navigation rail, for as long as the window lives: its entry (label, icon, count badge),
 * its view, and what it does with the window's events. A tab that has no use for an event keeps the default.
 */
public interface Tab {

    /** Names the page; its rail entry's id is {@code nav-<id>}. */
    String id();

    String labelKey();

    /** A new icon node each call: a node can sit in one place of the scene only. */
    Node icon();

    /** The count on the rail entry, hidden at zero. */
    default ObservableIntegerValue badge() {
        return new ReadOnlyIntegerWrapper(0);
    }

    /** Builds the page; called once, the first time the page opens. */
    Node createView(Localization localization);

    /** The user opened the tab: it shows what its service holds now. */
    default void opened() {
    }

    /** Whether the window opens on this tab once the model is set up; with none, it opens on the first tab. */
    default boolean opensAtStart() {
        return false;
    }

    /**
     * Whether files dropped on the window go to this tab: the open tab gets them if it takes files, else the first
     * tab that does.
     */
    default boolean takesFiles() {
        return false;
    }

    /** Dropped files, handed over after the tab was opened. */
    default void takeFiles(List<Path> files) {
        throw new UnsupportedOperationException(id() + " takes no files");
    }

    /** What the drop overlay says while files are dragged over the window and would come to this tab. */
    default String dropHintKey() {
        return "drop.hint";
    }

    /** Whether a folder dropped on the window goes to this tab; the first tab that takes one gets it. */
    default boolean takesFolders() {
        return false;
    }

    /** A dropped folder, handed over after the tab was opened. */
    default void takeFolder(Path folder) {
        throw new UnsupportedOperationException(id() + " takes no folders");
    }

    /** How many of this tab's files wait for a model; the first-run panel says so while the user sets one up. */
    default ObservableIntegerValue filesWaitingForModel() {
        return new ReadOnlyIntegerWrapper(0);
    }

    /** The window closed: the tab lets go of what it watches. */
    default void close() {
    }
}
