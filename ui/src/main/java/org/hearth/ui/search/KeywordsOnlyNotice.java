package org.hearth.ui.search;

import atlantafx.base.theme.Styles;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.hearth.ui.common.Localization;
import org.hearth.ui.common.Message;
import org.hearth.ui.common.TaskControls;
import org.hearth.ui.common.Tone;
import org.hearth.ui.common.Units;
import org.hearth.ui.service.SearchService.Ranking;
import org.hearth.ui.service.SearchService.Results;

/**
 * Above the hits when they were found by their words alone: why, in a sentence a clerk understands, and what helps —
 * installing the search model (with its download's progress and cancel), or waiting for the documents to be
 * indexed by meaning.
 */
final class KeywordsOnlyNotice extends VBox {

    private final SearchViewModel viewModel;
    // Held here: a binding only listened to, and held by nobody, is collected and goes quiet.
    private final BooleanBinding offerInstall;

    KeywordsOnlyNotice(Localization localization, SearchViewModel viewModel) {
        super(6);
        this.viewModel = viewModel;
        setId("search-keywords-only");
        getStyleClass().add("keywords-only");
        setPadding(new Insets(8, 12, 8, 12));

        Label why = new Label();
        why.setId("search-keywords-only-why");
        why.setWrapText(true);
        why.setMinHeight(Region.USE_PREF_SIZE);
        why.textProperty().bind(localization.text(Bindings.createObjectBinding(this::why,
                viewModel.resultsProperty(), viewModel.searchModelBytesProperty())));

        SearchModelInstall install = viewModel.searchModel();
        BooleanBinding noModel = Bindings.createBooleanBinding(() -> ranking() == Ranking.KEYWORDS_NO_MODEL,
                viewModel.resultsProperty());
        offerInstall = noModel.and(install.runningProperty().not()).and(Bindings.createBooleanBinding(
                () -> install.outcomeProperty().get() == null || install.outcomeProperty().get().tone() != Tone.SUCCESS,
                install.outcomeProperty()));
        Button installButton = new Button();
        installButton.setId("search-install-model");
        installButton.textProperty().bind(localization.text("search.model.install"));
        installButton.getStyleClass().add(Styles.SMALL);
        installButton.setMinWidth(Region.USE_PREF_SIZE);
        installButton.visibleProperty().bind(offerInstall);
        installButton.managedProperty().bind(offerInstall);
        installButton.setOnAction(e -> viewModel.installSearchModel());

        ProgressBar progress = TaskControls.progressBar(install, "search-model-progress");
        Label line = TaskControls.statusLine(localization, install, install.outcomeProperty(), "search-model-line");
        line.setWrapText(true);
        Button cancel = TaskControls.cancelButton(localization, install, "search.cancel", "search-model-cancel");
        HBox row = new HBox(12, installButton, progress, line, cancel);
        row.setAlignment(Pos.CENTER_LEFT);
        BooleanBinding rowShown = offerInstall.or(install.runningProperty()).or(install.outcomeProperty().isNotNull());
        row.visibleProperty().bind(rowShown);
        row.managedProperty().bind(rowShown);

        getChildren().addAll(why, row);
        BooleanBinding shown = Bindings.createBooleanBinding(() -> keywordsOnly() || install.isRunning(),
                viewModel.resultsProperty(), install.runningProperty());
        visibleProperty().bind(shown);
        managedProperty().bind(shown);
    }

    private Ranking ranking() {
        Results results = viewModel.resultsProperty().get();
        return results == null ? null : results.ranking();
    }

    private boolean keywordsOnly() {
        Ranking ranking = ranking();
        return ranking != null && ranking != Ranking.HYBRID && ranking != Ranking.KEYWORDS_REFINING;
    }

    private Message why() {
        Results results = viewModel.resultsProperty().get();
        if (results == null) {
            return null;
        }
        return switch (results.ranking()) {
            case HYBRID, KEYWORDS_REFINING -> null;
            case KEYWORDS_NO_MODEL -> Message.of("search.keywordsOnly.noModel",
                    roundedMegabytes(viewModel.searchModelBytesProperty().get()));
            case KEYWORDS_INDEXING -> Message.of("search.keywordsOnly.indexing", results.filesWaiting());
            case KEYWORDS_MODEL_FAILED -> Message.of("search.keywordsOnly.modelFailed");
        };
    }

    /** "about 610 MB": to the nearest ten, as a size said ahead is only an estimate. */
    private static long roundedMegabytes(long bytes) {
        return Math.round(Units.megabytes(bytes) / 10) * 10;
    }
}
