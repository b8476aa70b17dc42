package org.hearth.ui.firstrun;

import atlantafx.base.theme.Styles;
import atlantafx.base.theme.Tweaks;
import java.io.File;
import java.util.List;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.value.ObservableBooleanValue;
import javafx.beans.value.ObservableIntegerValue;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Separator;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import org.hearth.ui.common.Localization;
import org.hearth.ui.common.LocalizedChoice;
import org.hearth.ui.common.Message;
import org.hearth.ui.common.Units;
import org.hearth.ui.service.ModelService.Offer;
import org.hearth.ui.settings.UiLanguage;

/** The one friendly panel a new user sees: what Hearth does, that data stays here, and the model to get. */
public final class FirstRunView extends ScrollPane {

    private final Localization localization;
    private final FirstRunViewModel viewModel;

    public FirstRunView(Localization localization, FirstRunViewModel viewModel, ObservableIntegerValue waitingFiles) {
        this.localization = localization;
        this.viewModel = viewModel;

        Label title = text("firstrun.title", Styles.TITLE_2);
        Label intro = text("firstrun.intro");
        Label privacy = text("firstrun.privacy", Styles.SUCCESS, Styles.TEXT_BOLD);
        privacy.setId("firstrun-privacy");

        VBox card = new VBox(16, title, intro, privacy, new Separator(), modelSection(), new Separator(), languageRow(),
                waitingLine(waitingFiles));
        card.getStyleClass().add("first-run");
        card.setPadding(new Insets(32));
        card.setMaxWidth(640);
        StackPane centred = new StackPane(card);
        centred.setAlignment(Pos.TOP_CENTER);
        centred.setPadding(new Insets(32, 16, 32, 16));
        setContent(centred);
        setFitToWidth(true);
        getStyleClass().add(Tweaks.EDGE_TO_EDGE);
    }

    private VBox modelSection() {
        Label heading = text("firstrun.recommended", Styles.TITLE_4);
        Label model = new Label();
        model.setId("firstrun-model");
        model.getStyleClass().add(Styles.TEXT_BOLD);
        model.textProperty().bind(localization.text(Bindings.createObjectBinding(() -> {
            var recommended = viewModel.recommendationProperty().get();
            return Message.of("firstrun.model", recommended.modelName(), Units.gigabytes(recommended.downloadBytes()));
        }, viewModel.recommendationProperty())));
        Label reason = new Label();
        reason.setId("firstrun-reason");
        reason.setWrapText(true);
        reason.getStyleClass().add(Styles.TEXT_MUTED);
        reason.textProperty().bind(Bindings.createStringBinding(
                () -> viewModel.recommendationProperty().get().reason(), viewModel.recommendationProperty()));

        BooleanBinding downloading = viewModel.downloading();
        Button download = button("firstrun-download", "firstrun.download", viewModel::startDownload);
        download.getStyleClass().add(Styles.ACCENT);
        Hyperlink haveFile = new Hyperlink();
        haveFile.setId("firstrun-import");
        haveFile.textProperty().bind(localization.text("firstrun.haveGguf"));
        haveFile.setOnAction(e -> chooseGguf());
        ChoiceBox<Offer> size = LocalizedChoice.of(localization, viewModel.offers(), viewModel.choiceProperty().get(),
                offer -> localization.get(offer.forSearch() ? "firstrun.offer.search" : "firstrun.offer.chat",
                        offer.modelName(), Units.gigabytes(offer.downloadBytes())));
        size.setId("firstrun-choice");
        size.valueProperty().bindBidirectional(viewModel.choiceProperty());
        Label choiceLabel = text("firstrun.choice");
        choiceLabel.setId("firstrun-choice-label");
        // a wrapping label beside a growing box would be squeezed to one letter per line
        choiceLabel.setMinWidth(Region.USE_PREF_SIZE);
        HBox choice = new HBox(8, choiceLabel, size);
        choice.setAlignment(Pos.CENTER_LEFT);
        HBox buttons = new HBox(16, download, haveFile);
        buttons.setAlignment(Pos.CENTER_LEFT);
        VBox start = new VBox(8, choice, buttons);
        showWhen(start, downloading.not());

        Label problem = new Label();
        problem.setId("firstrun-problem");
        problem.setWrapText(true);
        problem.getStyleClass().add(Styles.DANGER);
        var problemText = viewModel.problem();
        problem.textProperty().bind(localization.text(problemText));
        showWhen(problem, problemText.isNotNull());
        Label detail = new Label();
        detail.setId("firstrun-problem-detail");
        detail.setWrapText(true);
        detail.getStyleClass().addAll(Styles.TEXT_SMALL, Styles.TEXT_MUTED);
        var detailText = viewModel.problemDetail();
        detail.textProperty().bind(localization.text(detailText));
        showWhen(detail, detailText.isNotNull());

        return new VBox(8, heading, model, reason, start, downloadProgress(downloading), problem, detail);
    }

    private VBox downloadProgress(BooleanBinding downloading) {
        ModelDownload download = viewModel.download();
        ProgressBar bar = new ProgressBar();
        bar.setId("firstrun-progress");
        bar.setMaxWidth(Double.MAX_VALUE);
        bar.progressProperty().bind(download.progressProperty());
        Label line = new Label();
        line.setId("firstrun-progress-line");
        line.getStyleClass().add(Styles.TEXT_MUTED);
        line.textProperty().bind(localization.text(download.statusProperty()));

        Button pause = button("firstrun-pause", "firstrun.pause", viewModel::pause);
        showWhen(pause, download.pausedProperty().not());
        Button resume = button("firstrun-resume", "firstrun.resume", viewModel::resume);
        resume.getStyleClass().add(Styles.ACCENT);
        showWhen(resume, download.pausedProperty());
        Button cancel = button("firstrun-cancel", "firstrun.cancel", viewModel::cancel);
        cancel.getStyleClass().addAll(Styles.DANGER, Styles.BUTTON_OUTLINED);
        HBox buttons = new HBox(8, pause, resume, cancel);

        VBox box = new VBox(8, bar, line, buttons);
        showWhen(box, downloading);
        return box;
    }

    private HBox languageRow() {
        ChoiceBox<UiLanguage> language = LocalizedChoice.of(localization, List.of(UiLanguage.GERMAN, UiLanguage.ENGLISH),
                viewModel.language(), l -> localization.get("settings.language." + l.name()));
        language.setId("firstrun-language");
        language.valueProperty().addListener((obs, old, chosen) -> viewModel.changeLanguage(chosen));
        HBox row = new HBox(8, text("firstrun.language"), language);
        row.setAlignment(Pos.CENTER_LEFT);
        return row;
    }

    /** Files dropped meanwhile wait for the model; say so, so nobody wonders why nothing happens. */
    private Label waitingLine(ObservableIntegerValue waitingFiles) {
        Label waiting = new Label();
        waiting.setId("firstrun-waiting");
        waiting.setWrapText(true);
        waiting.getStyleClass().add(Styles.TEXT_MUTED);
        waiting.textProperty().bind(localization.text(
                Bindings.createObjectBinding(() -> Message.of("firstrun.waitingFiles", waitingFiles.get()), waitingFiles)));
        showWhen(waiting, Bindings.createBooleanBinding(() -> waitingFiles.get() > 0, waitingFiles));
        return waiting;
    }

    private void chooseGguf() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(localization.get("firstrun.haveGguf.title"));
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(localization.get("firstrun.haveGguf.filter"), "*.gguf"));
        File file = chooser.showOpenDialog(getScene().getWindow());
        if (file != null) {
            viewModel.importModel(file.toPath());
        }
    }

    private Button button(String id, String key, Runnable action) {
        Button button = new Button();
        button.setId(id);
        button.textProperty().bind(localization.text(key));
        button.setOnAction(e -> action.run());
        return button;
    }

    private Label text(String key, String... styles) {
        Label label = new Label();
        label.textProperty().bind(localization.text(key));
        label.setWrapText(true);
        label.getStyleClass().addAll(styles);
        return label;
    }

    private static void showWhen(Node node, ObservableBooleanValue condition) {
        node.visibleProperty().bind(condition);
        node.managedProperty().bind(condition);
    }
}
