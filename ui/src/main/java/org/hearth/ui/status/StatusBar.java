package org.hearth.ui.status;

import atlantafx.base.theme.Styles;
import java.util.Locale;
import java.util.Optional;
import javafx.css.PseudoClass;
import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.Separator;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.shape.Circle;
import org.hearth.ui.common.Localization;
import org.hearth.ui.common.Message;
import org.hearth.ui.common.RunningTasks;
import org.hearth.ui.common.Tone;

/**
 * Bottom of the window, left to right: model and state, memory, "Local only" (the server's name while a job runs
 * there; a click opens the record of what left), background jobs.
 */
public final class StatusBar extends HBox {

    private static final PseudoClass ROUTED = PseudoClass.getPseudoClass("routed");

    /** @param openEgressLog shows the record of what left this machine, where the window has one */
    public StatusBar(Localization localization, StatusBarViewModel viewModel, Optional<Runnable> openEgressLog) {
        super(8);
        getStyleClass().add("status-bar");
        setAlignment(Pos.CENTER_LEFT);
        setPadding(new Insets(4, 16, 4, 16));

        Circle dot = new Circle(4);
        dot.getStyleClass().add("model-dot");
        viewModel.modelTone().addListener((obs, old, tone) -> tone(dot, tone));
        tone(dot, viewModel.modelTone().get());
        Label model = new Label();
        model.setId("status-model");
        model.setGraphic(dot);
        model.textProperty().bind(localization.text(viewModel.modelLine()));
        Tooltip problem = new Tooltip();
        problem.textProperty().bind(localization.text(viewModel.modelProblem()));
        model.tooltipProperty().bind(Bindings.when(viewModel.modelProblem().isNotNull()).then(problem).otherwise((Tooltip) null));

        Label memory = new Label();
        memory.setId("status-memory");
        memory.textProperty().bind(localization.text(viewModel.memoryLine()));
        memory.getStyleClass().add(Styles.TEXT_MUTED);

        Button privacy = new Button();
        privacy.setId("status-privacy");
        privacy.textProperty().bind(localization.text(viewModel.privacyLine()));
        privacy.getStyleClass().addAll("privacy-badge", Styles.FLAT, Styles.SMALL);
        viewModel.routedTo().addListener((obs, old, target) -> privacy.pseudoClassStateChanged(ROUTED, target != null));
        Tooltip privacyDetail = new Tooltip();
        privacyDetail.textProperty().bind(localization.text(Bindings.createObjectBinding(() -> viewModel.routedTo().get() == null
                ? Message.of("status.localOnly.detail") : Message.of("status.routedTo.detail", viewModel.routedTo().get()),
                viewModel.routedTo())));
        privacy.setTooltip(privacyDetail);
        openEgressLog.ifPresentOrElse(open -> privacy.setOnAction(e -> open.run()), () -> privacy.setFocusTraversable(false));

        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        getChildren().addAll(model, separator(), memory, spacer, privacy, jobs(localization, viewModel.runningTasks()));
    }

    private static HBox jobs(Localization localization, RunningTasks runningTasks) {
        ProgressIndicator indicator = new ProgressIndicator();
        indicator.getStyleClass().add("jobs-indicator");
        indicator.progressProperty().bind(runningTasks.overallProgress());
        indicator.setPrefSize(16, 16);
        indicator.setMaxSize(16, 16);
        Label count = new Label();
        count.setId("status-jobs");
        count.textProperty().bind(localization.text(
                Bindings.createObjectBinding(() -> Message.of("status.jobs", runningTasks.tasks().size()),
                        runningTasks.tasks())));
        HBox jobs = new HBox(8, separator(), indicator, count);
        jobs.setAlignment(Pos.CENTER_LEFT);
        jobs.visibleProperty().bind(runningTasks.count().greaterThan(0));
        jobs.managedProperty().bind(jobs.visibleProperty());
        return jobs;
    }

    private static Separator separator() {
        return new Separator(Orientation.VERTICAL);
    }

    private static void tone(Circle dot, Tone tone) {
        dot.getStyleClass().removeIf(style -> style.startsWith("tone-"));
        dot.getStyleClass().add("tone-" + tone.name().toLowerCase(Locale.ROOT));
    }
}
