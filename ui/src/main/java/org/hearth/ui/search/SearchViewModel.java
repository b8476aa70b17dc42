package org.hearth.ui.search;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
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
import org.hearth.ui.service.SearchService;
import org.hearth.ui.service.SearchService.Collection;
import org.hearth.ui.service.SearchService.Hit;
import org.hearth.ui.service.SearchService.Location;
import org.hearth.ui.service.SearchService.Results;

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
        hasCollections = Bindings.isNotEmpty(collections);
        collection.addListener((obs, old, now) -> {
            if (results.get() != null && !searchedQuery.get().isBlank()) {
                runSearch(searchedQuery.get());
            }
        });
        reload();
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
        background.run(() -> service.search(text, in, TOP), found -> {
            if (own == searchGeneration) {
                searchedQuery.set(text);
                results.set(found);
                hits.setAll(found.hits());
                searching.set(false);
            }
        }, failure -> {
            if (own == searchGeneration) {
                searching.set(false);
                problem.set(Message.of("search.failed"));
            }
        });
    }

    private void indexEnded(IndexOutcome outcome) {
        indexOutcome.set(outcome);
        reload();
    }
}
