package org.hearth.ui.search;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.hearth.ui.common.Background;
import org.hearth.ui.common.Message;
import org.hearth.ui.common.RunningTasks;
import org.hearth.ui.common.Tone;
import org.hearth.ui.service.SearchService;
import org.hearth.ui.service.SearchService.Collection;
import org.hearth.ui.service.SearchService.Hit;
import org.hearth.ui.service.SearchService.Location;
import org.hearth.ui.service.SearchService.Ranking;
import org.hearth.ui.service.SearchService.Results;
import org.hearth.ui.service.SearchService.SearchJob;

/**
 * The Search tab's state: the collections and which one is searched, the indexing run and how it ended,
 * the query with its results, and the answer. It changes on the JavaFX thread only; service calls go to
 * the background and their answers come back here.
 */
public final class SearchViewModel {

    /** As many passages as fit a screen or two; the answer retrieves its own. */
    static final int TOP = 20;

    private final SearchService service;
    private final Background background;
    private final ObservableList<Collection> collections = FXCollections.observableArrayList();
    private final ReadOnlyBooleanWrapper collectionsLoaded = new ReadOnlyBooleanWrapper();
    /** The chosen collection's name; empty = all collections. */
    private final ObjectProperty<Optional<String>> collection = new SimpleObjectProperty<>(Optional.empty());
    private final ObjectProperty<Path> offeredFolder = new SimpleObjectProperty<>();
    private final IndexTask indexing;
    private final ReadOnlyObjectWrapper<IndexOutcome> indexOutcome = new ReadOnlyObjectWrapper<>();
    private final StringProperty query = new SimpleStringProperty("");
    private final ObservableList<Hit> hits = FXCollections.observableArrayList();
    private final ReadOnlyObjectWrapper<Results> results = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper searchedQuery = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper searching = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper refining = new ReadOnlyBooleanWrapper();
    private final ObjectProperty<Hit> selectedHit = new SimpleObjectProperty<>();
    private final ReadOnlyLongWrapper searchModelBytes = new ReadOnlyLongWrapper();
    private final SearchModelInstall searchModel;
    private final ReadOnlyObjectWrapper<Message> problem = new ReadOnlyObjectWrapper<>();
    private final AnswerTask answer;
    // Held here: a binding nobody holds is collected, and its listeners go quiet.
    private final BooleanBinding hasCollections;

    /** Collections added during this run, chosen once the collections are read again. */
    private Optional<String> chooseAfterReload = Optional.empty();
    /** Counts the searches, so only the latest one fills the list. */
    private int searchGeneration;

    /** Starts reading the collections in the background. */
    public SearchViewModel(SearchService service, RunningTasks runningTasks, Background background) {
        this.service = service;
        this.background = background;
        indexing = new IndexTask(service, background, runningTasks, this::indexEnded);
        answer = new AnswerTask(service, background, runningTasks);
        searchModel = new SearchModelInstall(service, background, runningTasks, this::searchModelInstalled);
        hasCollections = Bindings.isNotEmpty(collections);
        collection.addListener((obs, old, now) -> {
            if (results.get() != null && !searchedQuery.get().isBlank()) {
                runSearch(searchedQuery.get());
            }
        });
        reload();
        background.run(service::searchModelBytes, searchModelBytes::set, failure -> { });
    }

    /** Reads the collections again (with their counts), e.g. when the tab is opened. */
    public void reload() {
        background.run(service::collections, loaded -> {
            collections.setAll(loaded);
            collectionsLoaded.set(true);
            Optional<String> wanted = chooseAfterReload.or(collection::get);
            chooseAfterReload = Optional.empty();
            collection.set(wanted.filter(name -> loaded.stream().anyMatch(c -> c.name().equals(name))));
        }, failure -> problem.set(Message.of("search.collections.loadFailed")));
    }

    /** A folder the user dropped on the window: the view asks which collection it joins, then clears this. */
    public ObjectProperty<Path> offeredFolderProperty() {
        return offeredFolder;
    }

    public void offerFolder(Path folder) {
        offeredFolder.set(folder);
    }

    /** Adds the folder to the named collection (made if new) and indexes it; one run at a time. */
    public void addFolder(Path folder, String collectionName) {
        String name = collectionName.strip();
        if (indexing.isRunning() || name.isEmpty()) {
            return;
        }
        indexOutcome.set(null);
        chooseAfterReload = Optional.of(name);
        indexing.addFolder(name, folder);
    }

    /** Reads the chosen collection's changed files again. */
    public void updateIndex() {
        Optional<String> chosen = collection.get();
        if (indexing.isRunning() || chosen.isEmpty()) {
            return;
        }
        indexOutcome.set(null);
        indexing.update(chosen.get());
    }

    public void dismissIndexOutcome() {
        indexOutcome.set(null);
    }

    /** Keyword (and, with an embedding model, meaning) search for the query in the chosen collection. */
    public void search() {
        String text = query.get().strip();
        if (!text.isEmpty()) {
            runSearch(text);
        }
    }

    /**
     * Asks the model, and searches as well, so the list on the left belongs to the question in the box.
     * One question at a time: the running one can be cancelled.
     */
    public void ask() {
        String text = query.get().strip();
        if (text.isEmpty() || answer.isRunning()) {
            return;
        }
        runSearch(text);
        answer.start(text, collection.get());
    }

    /** Opens the file in the system's viewer at the passage's page; says so if that fails. */
    public void open(Location location) {
        problem.set(null);
        background.run(() -> {
            service.open(location);
            return location;
        }, opened -> { }, failure -> problem.set(Message.of("search.openFailed", location.fileName())));
    }

    public ObservableList<Collection> collections() {
        return collections;
    }

    /** False until the collections were read once, so "no folders yet" is not claimed before that. */
    public ReadOnlyBooleanProperty collectionsLoadedProperty() {
        return collectionsLoaded.getReadOnlyProperty();
    }

    public BooleanBinding hasCollections() {
        return hasCollections;
    }

    /** The name of the collection searched; empty = all. */
    public ObjectProperty<Optional<String>> collectionProperty() {
        return collection;
    }

    List<String> collectionNames() {
        return collections.stream().map(Collection::name).toList();
    }

    public IndexTask indexing() {
        return indexing;
    }

    /** How the last indexing ended, until the next one starts or the user closes it. */
    public ReadOnlyObjectProperty<IndexOutcome> indexOutcomeProperty() {
        return indexOutcome.getReadOnlyProperty();
    }

    public StringProperty queryProperty() {
        return query;
    }

    public ObservableList<Hit> hits() {
        return hits;
    }

    /** The last search's results; null before the first. */
    public ReadOnlyObjectProperty<Results> resultsProperty() {
        return results.getReadOnlyProperty();
    }

    /** The query the results shown belong to. */
    public ReadOnlyStringProperty searchedQueryProperty() {
        return searchedQuery.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty searchingProperty() {
        return searching.getReadOnlyProperty();
    }

    /** True while the keyword hits shown wait to be ranked by meaning as well. */
    public ReadOnlyBooleanProperty refiningProperty() {
        return refining.getReadOnlyProperty();
    }

    /** The passage chosen in the list; the refined list keeps it chosen when it still contains it. */
    public ObjectProperty<Hit> selectedHitProperty() {
        return selectedHit;
    }

    /** The size of the search model's download; 0 until known. */
    public ReadOnlyLongProperty searchModelBytesProperty() {
        return searchModelBytes.getReadOnlyProperty();
    }

    public SearchModelInstall searchModel() {
        return searchModel;
    }

    /** Downloads the search model with progress and cancel; one download at a time. */
    public void installSearchModel() {
        searchModel.start();
    }

    /** A search or an opening that failed, in the user's words; null when there is none. */
    public ReadOnlyObjectProperty<Message> problemProperty() {
        return problem.getReadOnlyProperty();
    }

    public AnswerTask answer() {
        return answer;
    }

    private void runSearch(String text) {
        int own = ++searchGeneration;
        Optional<String> in = collection.get();
        problem.set(null);
        hits.clear();
        searching.set(true);
        refining.set(false);
        background.run(() -> service.search(text, in, TOP, new SearchJob.Listener() {
            @Override
            public void found(Results found) {
                ifCurrent(own, () -> {
                    searchedQuery.set(text);
                    show(found);
                    searching.set(false);
                });
            }

            @Override
            public void refined(Results refined) {
                ifCurrent(own, () -> show(refined));
            }

            @Override
            public void failed(String message) {
                ifCurrent(own, () -> searchFailed());
            }
        }), started -> { }, failure -> ifCurrent(own, this::searchFailed));
    }

    /** Reports of an older search are dropped: only the latest one fills the list. */
    private void ifCurrent(int own, Runnable update) {
        Platform.runLater(() -> {
            if (own == searchGeneration) {
                update.run();
            }
        });
    }

    /** Shows the hits; the passage chosen stays chosen when it is among them (the refined list of the same search). */
    private void show(Results shown) {
        Hit chosen = selectedHit.get();
        results.set(shown);
        hits.setAll(shown.hits());
        refining.set(shown.ranking() == Ranking.KEYWORDS_REFINING);
        selectedHit.set(chosen == null ? null : shown.hits().stream().filter(hit -> samePassage(hit, chosen)).findFirst().orElse(null));
    }

    /** Ranked by keywords or by meaning, a passage has another score but the same place and text. */
    private static boolean samePassage(Hit one, Hit other) {
        return one.location().equals(other.location()) && one.snippet().equals(other.snippet());
    }

    private void searchFailed() {
        searching.set(false);
        refining.set(false);
        problem.set(Message.of("search.failed"));
    }

    /** The search shown ran without the model: run it again, so it says what the model does now. */
    private void searchModelInstalled(InstallOutcome outcome) {
        if (outcome.tone() == Tone.SUCCESS && results.get() != null && !searchedQuery.get().isBlank()) {
            runSearch(searchedQuery.get());
        }
    }

    private void indexEnded(IndexOutcome outcome) {
        indexOutcome.set(outcome);
        reload();
    }
}
