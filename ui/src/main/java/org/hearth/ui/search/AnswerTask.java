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
import org.hearth.ui.common.StreamedText;
import org.hearth.ui.common.RunningTasks;
import org.hearth.ui.service.Preview;
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
    public enum Phase { IDLE, RETRIEVING, AWAITING_SEND, WRITING, DONE, REFUSED, FAILED, CANCELLED }

    private final SearchService service;
    private final ReadOnlyObjectWrapper<Phase> phase = new ReadOnlyObjectWrapper<>(Phase.IDLE);
    private final ReadOnlyStringWrapper question = new ReadOnlyStringWrapper("");
    private final ReadOnlyObjectWrapper<Preview> preview = new ReadOnlyObjectWrapper<>();
    private final StreamedText text = new StreamedText();
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
        text.clear();
        sources.clear();
        citations.clear();
        launch(Message.of("search.answer.retrieving"), own -> service.ask(newQuestion, collection, new FxListener(own)),
                () -> end(Phase.FAILED, Message.of("search.answer.startFailed")));
        // Last, like show(): whoever listens to the phase finds the status and running already matching.
        phase.set(Phase.RETRIEVING);
    }

    public ReadOnlyObjectProperty<Phase> phaseProperty() {
        return phase.getReadOnlyProperty();
    }

    /** What would be sent, while the answer waits for the user to send it or cancel; null otherwise. */
    public ReadOnlyObjectProperty<Preview> previewProperty() {
        return preview.getReadOnlyProperty();
    }

    /** The answer to the preview: send exactly what it showed. */
    void send() {
        if (preview.get() != null) {
            preview.set(null);
            toJob(AnswerJob::send);
        }
    }

    public ReadOnlyStringProperty questionProperty() {
        return question.getReadOnlyProperty();
    }

    /** The answer so far; once done, the service's final text. */
    public ReadOnlyStringProperty textProperty() {
        return text.property();
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
        preview.set(null);
        setRoutedTo(null);
        finish(status);
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

    private final class FxListener extends StreamedTextReports implements AnswerJob.Listener {

        FxListener(int ownQuestion) {
            super(ownQuestion, text);
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
        public void preview(Preview outgoing) {
            onFx(() -> {
                if (!cancelRequested()) {
                    preview.set(outgoing);
                    show(Phase.AWAITING_SEND, Message.of("search.answer.awaitingSend", outgoing.route().target().orElseThrow().name()));
                }
            });
        }

        @Override
        public void routedTo(String target) {
            onFx(() -> {
                setRoutedTo(target);
                if (target != null && !cancelRequested()) {
                    show(Phase.WRITING, Message.of("search.answer.writingThere", target));
                }
            });
        }

        @Override
        public void done(Answer answer) {
            onFx(() -> {
                text.replace(answer.text());
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
    }
}
