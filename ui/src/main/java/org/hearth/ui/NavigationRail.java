package org.hearth.ui;

import atlantafx.base.theme.Styles;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ObjectProperty;
import javafx.beans.value.ObservableBooleanValue;
import javafx.beans.value.ObservableIntegerValue;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ContentDisplay;
import javafx.scene.control.Label;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.hearth.ui.common.Icons;
import org.hearth.ui.common.Localization;

/** The slim rail on the left: one entry per page, with a count badge where it helps, settings at the bottom. */
final class NavigationRail extends VBox {

    private final Localization localization;
    private final ObjectProperty<String> page;
    private final ToggleGroup group = new ToggleGroup();
    private final VBox entries = new VBox(4);

    NavigationRail(Localization localization, ObjectProperty<String> page) {
        super(8);
        this.localization = localization;
        this.page = page;
        getStyleClass().add("navigation-rail");
        entries.setAlignment(Pos.TOP_CENTER);
        Region spacer = new Region();
        VBox.setVgrow(spacer, Priority.ALWAYS);
        getChildren().addAll(entries, spacer);
        setAlignment(Pos.TOP_CENTER);
        group.selectedToggleProperty().addListener((obs, old, now) -> {
            if (now == null) {
                group.selectToggle(old); // clicking the open page again keeps it open
            } else {
                page.set((String) now.getUserData());
            }
        });
        page.addListener((obs, old, now) -> selectEntryOf(now));
    }

    /** An entry for the page {@code target}, shown while {@code shown} holds; a badge with {@code count} when above zero. */
    void addEntry(String target, String labelKey, Node icon, ObservableIntegerValue count, ObservableBooleanValue shown) {
        ToggleButton entry = new ToggleButton();
        entry.setId("nav-" + target);
        entry.setUserData(target);
        entry.setToggleGroup(group);
        entry.setGraphic(icon);
        entry.setContentDisplay(ContentDisplay.TOP);
        entry.textProperty().bind(localization.text(labelKey));
        entry.getStyleClass().addAll("rail-entry", Styles.FLAT);
        entry.setMaxWidth(Double.MAX_VALUE);

        Label badge = new Label();
        badge.getStyleClass().add("rail-badge");
        badge.textProperty().bind(Bindings.createStringBinding(() -> Integer.toString(count.get()), count));
        badge.visibleProperty().bind(Bindings.createBooleanBinding(() -> count.get() > 0, count));
        badge.setMouseTransparent(true);
        StackPane.setAlignment(badge, Pos.TOP_RIGHT);

        StackPane holder = new StackPane(entry, badge);
        holder.visibleProperty().bind(shown);
        holder.managedProperty().bind(shown);
        entries.getChildren().add(holder);
        if (target.equals(page.get())) {
            entry.setSelected(true);
        }
    }

    void addSettingsButton(Runnable openSettings) {
        Button settings = new Button();
        settings.setId("nav-settings");
        settings.setGraphic(Icons.settings());
        settings.setContentDisplay(ContentDisplay.TOP);
        settings.textProperty().bind(localization.text("nav.settings"));
        settings.getStyleClass().addAll("rail-entry", Styles.FLAT);
        settings.setMaxWidth(Double.MAX_VALUE);
        Tooltip tip = new Tooltip();
        tip.textProperty().bind(localization.text("nav.settings.tooltip"));
        settings.setTooltip(tip);
        settings.setOnAction(e -> openSettings.run());
        getChildren().add(settings);
    }

    private void selectEntryOf(String target) {
        group.getToggles().stream().filter(t -> t.getUserData().equals(target)).findFirst().ifPresent(group::selectToggle);
    }
}
