package org.hearth.ui.search;

import atlantafx.base.theme.Styles;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import org.hearth.ingest.index.PartlyRead;
import org.hearth.ui.common.Controls;
import org.hearth.ui.common.Icons;
import org.hearth.ui.common.FolderChooser;
import org.hearth.ui.common.Localization;
import org.hearth.ui.common.LocalizedCell;
import org.hearth.ui.common.Message;
import org.hearth.ui.common.TaskControls;
import org.hearth.ui.common.TextLimitWording;
import org.hearth.ui.privacy.SendPreviewDialog;
import org.hearth.ui.service.SearchService.Collection;
import org.hearth.ui.service.SearchService.Hit;
import org.hearth.ui.service.SearchService.IndexJob.FileError;
import org.hearth.ui.service.SearchService.Results;

/**
 * The Search tab: the collection searched with "Add folder…" and "Update index" at the top, the indexing
 * run's line under it, then the query box, the passages found on the left and the answer on the right.
 * Enter searches, Ctrl+Enter asks the model; a passage opens with a double-click, Enter or its button.
 */
public final class SearchView extends BorderPane {

    private static final KeyCombination ASK = new KeyCodeCombination(KeyCode.ENTER, KeyCombination.SHORTCUT_DOWN);

    private final Localization localization;
    private final SearchViewModel viewModel;
    private final TextField query = new TextField();
    // Held here: a binding only listened to, and held by nobody, is collected and goes quiet.
    private final BooleanBinding noCollections;
    private FolderChooser folderChooser = FolderChooser.system();

    public SearchView(Localization localization, SearchViewModel viewModel) {
        this.localization = localization;
        this.viewModel = viewModel;
        getStyleClass().add("search-view");
        noCollections = viewModel.collectionsLoadedProperty().and(viewModel.hasCollections().not());
        setTop(new VBox(collectionBar(), indexActivity()));
        SplitPane split = new SplitPane(resultsPane(), new AnswerPane(localization, viewModel));
        split.setDividerPositions(0.45);
        VBox.setVgrow(split, Priority.ALWAYS);
        setCenter(new VBox(queryBar(), problemLine(), split));
        // Opening the tab puts the cursor in the query box: typing is what one comes here for.
        visibleProperty().addListener((obs, was, now) -> {
            if (now) {
                Platform.runLater(query::requestFocus);
            }
        });
        // An answer that may be written on a server shows what would go first; nothing leaves before Send.
        AnswerTask answer = viewModel.answer();
        answer.previewProperty().addListener((obs, old, preview) -> {
            if (preview != null) {
                SendPreviewDialog.show(getScene().getWindow(), localization,
                        localization.get("search.answer.previewSubject", answer.questionProperty().get()),
                        answer.previewProperty(), answer::send, answer::cancel);
            }
        });
        // Later, so the dialog opens over the Search page the drop has just switched to.
        viewModel.offeredFolderProperty().addListener((obs, was, folder) -> {
            if (folder != null) {
                Platform.runLater(() -> {
                    viewModel.offeredFolderProperty().set(null);
                    askCollectionAndAdd(folder);
                });
            }
        });
    }

    /** Replaces the system's folder dialog, e.g. in a test. */
    public void useFolderChooser(FolderChooser chooser) {
        folderChooser = Objects.requireNonNull(chooser);
    }

    private HBox collectionBar() {
        ObservableList<Optional<Collection>> choices = FXCollections.observableArrayList();
        ComboBox<Optional<Collection>> chooser = new ComboBox<>(choices);
        chooser.setId("search-collection");
        chooser.setCellFactory(list -> new LocalizedCell<>(localization, c -> localization.get(SearchWording.collection(c))));
        chooser.setButtonCell(new LocalizedCell<>(localization, c -> localization.get(SearchWording.collection(c))));
        chooser.setPrefWidth(420);
        chooser.setMinWidth(160);
        Runnable showChosen = () -> chooser.setValue(choices.stream()
                .filter(c -> c.map(Collection::name).equals(viewModel.collectionProperty().get()))
                .findFirst().orElse(Optional.empty()));
        Runnable refill = () -> {
            choices.setAll(Stream.concat(Stream.of(Optional.<Collection>empty()),
                    viewModel.collections().stream().map(Optional::of)).toList());
            showChosen.run();
        };
        viewModel.collections().addListener((ListChangeListener<Collection>) change -> refill.run());
        viewModel.collectionProperty().addListener((obs, old, now) -> showChosen.run());
        refill.run();
        chooser.valueProperty().addListener((obs, old, now) -> {
            // Replacing the items may clear the value for a moment; that is not the user's choice.
            if (now != null) {
                viewModel.collectionProperty().set(now.map(Collection::name));
            }
        });
        Tooltip folders = new Tooltip();
        folders.textProperty().bind(Bindings.createStringBinding(() -> folderList(chooser.getValue()),
                chooser.valueProperty(), localization.localeProperty()));
        chooser.setTooltip(folders);

        IndexTask run = viewModel.indexing();
        Button add = new Button();
        add.setId("search-add-folder");
        add.textProperty().bind(localization.text("search.addFolder"));
        add.disableProperty().bind(run.runningProperty());
        add.setOnAction(e -> addFolder());
        // Without a folder, adding one is the thing to do.
        Controls.accentWhile(add, noCollections);

        Button update = new Button();
        update.setId("search-update");
        update.textProperty().bind(localization.text("search.update"));
        update.disableProperty().bind(run.runningProperty().or(Bindings.createBooleanBinding(
                () -> viewModel.collectionProperty().get().isEmpty(), viewModel.collectionProperty())));
        update.setOnAction(e -> viewModel.updateIndex());
        Tooltip updateTip = new Tooltip();
        updateTip.textProperty().bind(localization.text("search.update.tooltip"));
        update.setTooltip(updateTip);

        Label label = Controls.label(localization, "search.collection.label");
        for (Region keepsWidth : List.of(label, add, update)) {
            keepsWidth.setMinWidth(Region.USE_PREF_SIZE);
        }
        HBox bar = new HBox(8, label, chooser, add, update);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setPadding(new Insets(8, 16, 8, 16));
        bar.getStyleClass().add("search-toolbar");
        return bar;
    }

    private String folderList(Optional<Collection> chosen) {
        if (chosen == null || chosen.isEmpty()) {
            return localization.get("search.collection.all.tooltip");
        }
        return localization.get("search.collection.folders",
                chosen.get().folders().stream().map(Object::toString).collect(Collectors.joining("\n")));
    }

    /** The folder dialog, then which collection it joins; indexing runs in the background. */
    private void addFolder() {
        Window window = getScene().getWindow();
        Optional<Path> folder = folderChooser.choose(window, localization.get("search.addFolder.chooserTitle"));
        if (folder.isEmpty()) {
            return;
        }
        askCollectionAndAdd(folder.get());
    }

    private void askCollectionAndAdd(Path folder) {
        AddFolderDialog.ask(getScene().getWindow(), localization, folder, viewModel.collectionNames(),
                viewModel.collectionProperty().get()).ifPresent(name -> viewModel.addFolder(folder, name));
    }

    /**
     * While indexing: its bar, its line and cancel. Afterwards: how it ended, the files that could not be
     * read behind a link, and a button to close the line.
     */
    private VBox indexActivity() {
        IndexTask run = viewModel.indexing();
        ProgressBar progress = TaskControls.progressBar(run, "search-index-progress");
        Label line = TaskControls.statusLine(localization, run, viewModel.indexOutcomeProperty(), "search-index-line");
        Button cancel = TaskControls.cancelButton(localization, run, "search.cancel", "search-index-cancel");

        BooleanProperty expanded = new SimpleBooleanProperty();
        BooleanBinding hasUnreadable = Bindings.createBooleanBinding(() -> !run.isRunning()
                && viewModel.indexOutcomeProperty().get() != null
                && viewModel.indexOutcomeProperty().get().hasFileNotes(),
                run.runningProperty(), viewModel.indexOutcomeProperty());
        Hyperlink details = new Hyperlink();
        details.setId("search-index-details");
        details.setMinWidth(Region.USE_PREF_SIZE);
        details.textProperty().bind(Bindings.when(expanded)
                .then(localization.text("search.index.hideUnreadable"))
                .otherwise(localization.text("search.index.showUnreadable")));
        details.visibleProperty().bind(hasUnreadable);
        details.managedProperty().bind(hasUnreadable);
        details.setOnAction(e -> expanded.set(!expanded.get()));

        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        Button close = new Button();
        close.setId("search-index-dismiss");
        close.setGraphic(Icons.cross());
        close.getStyleClass().addAll(Styles.BUTTON_ICON, Styles.FLAT, Styles.SMALL);
        close.accessibleTextProperty().bind(localization.text("search.index.dismiss"));
        BooleanBinding ended = run.runningProperty().not().and(viewModel.indexOutcomeProperty().isNotNull());
        close.visibleProperty().bind(ended);
        close.managedProperty().bind(ended);
        close.setOnAction(e -> viewModel.dismissIndexOutcome());

        HBox row = new HBox(12, progress, line, details, cancel, spacer, close);
        row.setAlignment(Pos.CENTER_LEFT);

        VBox unreadable = new VBox(4);
        unreadable.setId("search-index-unreadable");
        unreadable.getStyleClass().add("index-unreadable");
        unreadable.visibleProperty().bind(expanded.and(hasUnreadable));
        unreadable.managedProperty().bind(unreadable.visibleProperty());

        viewModel.indexOutcomeProperty().addListener((obs, old, outcome) -> {
            expanded.set(false);
            unreadable.getChildren().setAll(outcome == null ? List.of()
                    : Stream.concat(outcome.unreadable().stream().map(SearchView::unreadableLine),
                            outcome.partlyRead().stream().map(this::partlyReadLine)).toList());
        });

        VBox box = new VBox(6, row, unreadable);
        box.setId("search-index-activity");
        box.getStyleClass().add("search-activity");
        box.setPadding(new Insets(6, 16, 6, 16));
        box.visibleProperty().bind(run.runningProperty().or(viewModel.indexOutcomeProperty().isNotNull()));
        box.managedProperty().bind(box.visibleProperty());
        return box;
    }

    /** "Scan_2019.pdf – the service's sentence"; the full path in the tooltip. */
    private static Node unreadableLine(FileError error) {
        Path name = error.file().getFileName();
        Label line = new Label((name == null ? error.file().toString() : name.toString()) + " – " + error.message());
        line.setWrapText(true);
        line.setTooltip(new Tooltip(error.file().toString()));
        return line;
    }

    /** "Anlagen.pdf – Only the text up to page 123 of 3,000 was read: …", in the window's language. */
    private Node partlyReadLine(PartlyRead partly) {
        Path name = partly.file().getFileName();
        Message note = TextLimitWording.note(partly.limit());
        Label line = new Label();
        line.textProperty().bind(Bindings.concat((name == null ? partly.file().toString() : name.toString()) + " – ",
                localization.text(note.key(), note.args().toArray())));
        line.setWrapText(true);
        line.setTooltip(new Tooltip(partly.file().toString()));
        return line;
    }

    private VBox queryBar() {
        query.setId("search-query");
        query.promptTextProperty().bind(localization.text("search.query.prompt"));
        query.textProperty().bindBidirectional(viewModel.queryProperty());
        query.setOnAction(e -> viewModel.search());
        query.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (ASK.match(e)) {
                e.consume();
                viewModel.ask();
            }
        });
        HBox.setHgrow(query, Priority.ALWAYS);
        BooleanBinding blank = Bindings.createBooleanBinding(() -> viewModel.queryProperty().get().isBlank(),
                viewModel.queryProperty());

        Button search = new Button();
        search.setId("search-run");
        search.textProperty().bind(localization.text("search.run"));
        search.setGraphic(Icons.search());
        search.disableProperty().bind(blank);
        search.setOnAction(e -> viewModel.search());

        Button ask = new Button();
        ask.setId("search-ask");
        ask.textProperty().bind(localization.text("search.ask"));
        ask.getStyleClass().add(Styles.ACCENT);
        ask.disableProperty().bind(blank.or(viewModel.answer().runningProperty()));
        ask.setOnAction(e -> viewModel.ask());
        Tooltip askTip = new Tooltip();
        askTip.textProperty().bind(localization.text("search.ask.tooltip"));
        ask.setTooltip(askTip);
        for (Region keepsWidth : List.of(search, ask)) {
            keepsWidth.setMinWidth(Region.USE_PREF_SIZE);
        }

        HBox row = new HBox(8, query, search, ask);
        row.setAlignment(Pos.CENTER_LEFT);
        Label keys = Controls.label(localization, "search.query.keys");
        keys.getStyleClass().addAll(Styles.TEXT_SMALL, Styles.TEXT_MUTED);
        VBox bar = new VBox(4, row, keys);
        bar.setPadding(new Insets(12, 16, 8, 16));
        bar.getStyleClass().add("search-query-bar");
        return bar;
    }

    /** A search or an opening that failed. */
    private Label problemLine() {
        Label problem = new Label();
        problem.setId("search-problem");
        problem.textProperty().bind(localization.text(viewModel.problemProperty()));
        problem.getStyleClass().add(Styles.DANGER);
        problem.setWrapText(true);
        problem.setPadding(new Insets(0, 16, 8, 16));
        problem.visibleProperty().bind(viewModel.problemProperty().isNotNull());
        problem.managedProperty().bind(problem.visibleProperty());
        return problem;
    }

    private VBox resultsPane() {
        Label count = new Label();
        count.setId("search-count");
        count.getStyleClass().add("detail-heading");
        count.textProperty().bind(localization.text(Bindings.createObjectBinding(() -> {
            Results results = viewModel.resultsProperty().get();
            if (viewModel.searchingProperty().get() || results == null) {
                return null;
            }
            return Message.of("search.count", results.hits().size());
        }, viewModel.resultsProperty(), viewModel.searchingProperty())));

        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        count.setMinWidth(Region.USE_PREF_SIZE);
        HBox header = new HBox(8, count, spacer, refining());
        header.setAlignment(Pos.CENTER_LEFT);
        header.setPadding(new Insets(8, 12, 8, 12));
        header.getStyleClass().add("search-results-header");
        header.visibleProperty().bind(count.textProperty().isNotEmpty());
        header.managedProperty().bind(header.visibleProperty());

        ListView<Hit> list = new ListView<>(viewModel.hits());
        list.setId("search-results");
        keepSelection(list);
        list.getStyleClass().add("search-results");
        list.setCellFactory(view -> new HitCell(localization, viewModel::open));
        list.setPlaceholder(placeholder());
        list.addEventHandler(MouseEvent.MOUSE_CLICKED, e -> {
            Hit hit = list.getSelectionModel().getSelectedItem();
            if (e.getButton() == MouseButton.PRIMARY && e.getClickCount() == 2 && hit != null) {
                viewModel.open(hit.location());
            }
        });
        list.addEventHandler(KeyEvent.KEY_PRESSED, e -> {
            Hit hit = list.getSelectionModel().getSelectedItem();
            if (e.getCode() == KeyCode.ENTER && hit != null) {
                e.consume();
                viewModel.open(hit.location());
            }
        });
        VBox.setVgrow(list, Priority.ALWAYS);
        VBox pane = new VBox(header, new KeywordsOnlyNotice(localization, viewModel), list);
        pane.setMinWidth(320);
        return pane;
    }

    /** The keyword hits are shown; their ranking by meaning is on its way. Quiet: the list is usable meanwhile. */
    private HBox refining() {
        ProgressIndicator spinner = new ProgressIndicator();
        spinner.setPrefSize(14, 14);
        spinner.setMaxSize(14, 14);
        Label line = Controls.label(localization, "search.refining");
        line.getStyleClass().addAll(Styles.TEXT_SMALL, Styles.TEXT_MUTED);
        HBox refining = new HBox(6, spinner, line);
        refining.setId("search-refining");
        refining.setAlignment(Pos.CENTER_RIGHT);
        refining.setMinWidth(Region.USE_PREF_SIZE);
        refining.visibleProperty().bind(viewModel.refiningProperty());
        refining.managedProperty().bind(refining.visibleProperty());
        Tooltip why = new Tooltip();
        why.textProperty().bind(localization.text("search.refining.tooltip"));
        why.setWrapText(true);
        why.setMaxWidth(360);
        Tooltip.install(refining, why);
        return refining;
    }

    /** The list's choice is the view model's, so the refined list can keep the passage the user had chosen. */
    private void keepSelection(ListView<Hit> list) {
        list.getSelectionModel().selectedItemProperty().addListener((obs, old, now) -> viewModel.selectedHitProperty().set(now));
        viewModel.selectedHitProperty().addListener((obs, old, now) -> {
            if (now == null) {
                list.getSelectionModel().clearSelection();
            } else if (now != list.getSelectionModel().getSelectedItem()) {
                list.getSelectionModel().select(now);
            }
        });
    }

    /** What an empty list means: no folders yet, a search under way, nothing found, or no search yet. */
    private Label placeholder() {
        Label placeholder = new Label();
        placeholder.setId("search-placeholder");
        placeholder.textProperty().bind(localization.text(Bindings.createObjectBinding(() -> {
            if (!viewModel.collectionsLoadedProperty().get()) {
                return null;
            }
            if (!viewModel.hasCollections().get()) {
                return Message.of("search.empty.noCollections");
            }
            if (viewModel.searchingProperty().get()) {
                return Message.of("search.searching");
            }
            return viewModel.resultsProperty().get() == null
                    ? Message.of("search.empty.start")
                    : Message.of("search.empty.noHits", viewModel.searchedQueryProperty().get());
        }, viewModel.collectionsLoadedProperty(), viewModel.hasCollections(), viewModel.searchingProperty(),
                viewModel.resultsProperty(), viewModel.searchedQueryProperty())));
        placeholder.setWrapText(true);
        placeholder.getStyleClass().add(Styles.TEXT_MUTED);
        placeholder.setPadding(new Insets(16));
        return placeholder;
    }
}
