package org.hearth.ui.search;

import java.util.List;
import java.util.Optional;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.hearth.ui.common.Background;
import org.hearth.ui.common.Message;
import org.hearth.ui.common.ServiceJobTask;
import org.hearth.ui.common.RunningTasks;
import org.hearth.ui.service.SearchService;
import org.hearth.ui.service.SearchService.AnswerJob;
import org.hearth.ui.service.SearchService.AnswerJob.Answer;
import org.hearth.ui.service.SearchService.AnswerJob.Citation;
import org.hearth.ui.service.SearchService.Hit;

/**
 * One question answered by the model, one at a time: the passages it is based on, the text as it streams,
 * then the citations with whether each quote was found in its source, or the plain statement that the
 * documents do not answer it.
 */
public final class AnswerTask extends ServiceJobTask<AnswerJob> {

    /** Where the answer stands; REFUSED is an answer too (the documents do not hold one), not a failure. */
    public enum Phase { IDLE, RETRIEVING, WRITING, DONE, REFUSED, FAILED, CANCELLED }

    private final SearchService service;
    private final ReadOnlyObjectWrapper<Phase> phase = new ReadOnlyObjectWrapper<>(Phase.IDLE);
    private final ReadOnlyStringWrapper question = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper text = new ReadOnlyStringWrapper("");
    private final ObservableList<Hit> sources = FXCollections.observableArrayList();
    private final ObservableList<Citation> citations = FXCollections.observableArrayList();
    private final ObservableList<Hit> readOnlySources = FXCollections.unmodifiableObservableList(sources);
    private final ObservableList<Citation> readOnlyCitations = FXCollections.unmodifiableObservableList(citations);

    AnswerTask(SearchService service, Background background, RunningTasks runningTasks) {
        super(runningTasks, background, AnswerJob::cancel);
        this.service = service;
    }

    void start(String newQuestion, Optional<String> collection) {
        question.set(newQuestion);
        text.set("");
        sources.clear();
        citations.clear();
        show(Phase.RETRIEVING, Message.of("search.answer.retrieving"));
        launch(own -> service.ask(newQuestion, collection, new FxListener(own)),
                () -> end(Phase.FAILED, Message.of("search.answer.startFailed")));
    }

    public ReadOnlyObjectProperty<Phase> phaseProperty() {
        return phase.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty questionProperty() {
        return question.getReadOnlyProperty();
    }

    /** The answer so far; once done, the service's final text. */
    public ReadOnlyStringProperty textProperty() {
        return text.getReadOnlyProperty();
    }

    /** The passages the answer is based on; the n-th is cited as [n]. */
    public ObservableList<Hit> sources() {
        return readOnlySources;
    }

    public ObservableList<Citation> citations() {
        return readOnlyCitations;
    }

    /** The citation for "[n]", if the answer has one with a checked quote. */
    Optional<Citation> citation(int n) {
        return citations.stream().filter(c -> c.n() == n).findFirst();
    }

    /** The passage numbered n, if there is one. */
    Optional<Hit> source(int n) {
        return n >= 1 && n <= sources.size() ? Optional.of(sources.get(n - 1)) : Optional.empty();
    }

    /** Sets the phase last, so whoever listens to it sees the text, status and running already matching. */
    private void show(Phase newPhase, Message status) {
        updateStatus(status);
        phase.set(newPhase);
    }

    private void end(Phase finalPhase, Message status) {
        updateStatus(status);
        updateProgress(0.0);
        setRunning(false);
        phase.set(finalPhase);
    }

    private static Message doneLine(List<Citation> cited) {
        long unverified = cited.stream().filter(c -> !c.verified()).count();
        if (cited.isEmpty()) {
            return Message.of("search.answer.noCitations");
        }
        return unverified == 0
                ? Message.of("search.answer.allVerified", cited.size())
                : Message.of("search.answer.someUnverified", unverified, cited.size());
    }

    @Override
    protected Message stopping() {
        return Message.of("search.answer.stopping");
    }

    /** The service calls from its own threads; each report is handed to the JavaFX thread in order. */
    private final class FxListener implements AnswerJob.Listener {

        private final int ownQuestion;

        FxListener(int ownQuestion) {
            this.ownQuestion = ownQuestion;
        }

        @Override
        public void sources(List<Hit> found) {
            onFx(() -> {
                sources.setAll(found);
                if (!cancelRequested()) {
                    show(Phase.WRITING, Message.of("search.answer.writing", found.size()));
                }
            });
        }

        @Override
        public void text(String piece) {
            onFx(() -> text.set(text.get() + piece));
        }

        @Override
        public void textDiscarded() {
            onFx(() -> text.set(""));
        }

        @Override
        public void done(Answer answer) {
            onFx(() -> {
                text.set(answer.text());
                citations.setAll(answer.citations());
                if (answer.refused()) {
                    end(Phase.REFUSED, Message.of("search.answer.refusedLine"));
                } else {
                    end(Phase.DONE, doneLine(answer.citations()));
                }
            });
        }

        @Override
        public void failed(String message) {
            onFx(() -> end(Phase.FAILED, Message.of("search.answer.failed", message)));
        }

        @Override
        public void cancelled() {
            onFx(() -> end(Phase.CANCELLED, Message.of("search.answer.cancelled")));
        }

        private void onFx(Runnable update) {
            whileCurrent(ownQuestion, update);
        }
    }
}
