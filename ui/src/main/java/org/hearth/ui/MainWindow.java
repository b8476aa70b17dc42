package org.hearth.ui;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import java.util.ResourceBundle;
import javafx.application.Application;
import javafx.application.ColorScheme;
import javafx.application.Platform;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;

/**
 * Hearth's main window: for now the welcome text and the status bar (model, privacy state).
 * The tabs arrive with their issues.
 */
public final class MainWindow {

    private final MainWindowViewModel viewModel;
    private final ResourceBundle messages;

    public MainWindow(MainWindowViewModel viewModel, ResourceBundle messages) {
        this.viewModel = viewModel;
        this.messages = messages;
    }

    public void show(Stage stage) {
        applyTheme();
        Platform.getPreferences().colorSchemeProperty().addListener((obs, old, scheme) -> applyTheme());

        Label title = new Label(messages.getString("app.name"));
        title.getStyleClass().add("title-1");
        Label intro = new Label(messages.getString("welcome.intro"));
        intro.setWrapText(true);
        Label local = new Label(messages.getString("welcome.local"));
        local.getStyleClass().add("text-muted");
        VBox welcome = new VBox(16, title, intro, local);
        welcome.setPadding(new Insets(32));
        welcome.setMaxWidth(560);
        welcome.setAlignment(Pos.CENTER_LEFT);

        BorderPane root = new BorderPane(welcome);
        root.setBottom(statusBar());
        stage.setTitle(messages.getString("app.name"));
        stage.setScene(new Scene(root, 960, 640));
        stage.show();
    }

    private HBox statusBar() {
        Label model = new Label();
        model.textProperty().bind(viewModel.modelStatusProperty());
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        Label privacy = new Label(messages.getString("status.localOnly"));
        privacy.getStyleClass().add("success");
        HBox bar = new HBox(16, model, spacer, privacy);
        bar.setPadding(new Insets(4, 8, 4, 8));
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.getStyleClass().add("status-bar");
        return bar;
    }

    private static void applyTheme() {
        boolean dark = Platform.getPreferences().getColorScheme() == ColorScheme.DARK;
        Application.setUserAgentStylesheet(dark ? new PrimerDark().getUserAgentStylesheet() : new PrimerLight().getUserAgentStylesheet());
    }
}
