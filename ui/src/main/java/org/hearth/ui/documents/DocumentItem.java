package org.hearth.ui.documents;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.function.LongConsumer;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import org.hearth.ui.common.Message;
import org.hearth.ui.common.TextLimitWording;
import org.hearth.ui.common.ProgressTask;
import org.hearth.ui.common.RunningTasks;
import org.hearth.ui.common.StreamedText;
import org.hearth.ui.service.StoredSummary;
import org.hearth.ui.service.SummaryJob;
import org.hearth.ui.service.SummaryJob.Failure;
import org.hearth.ui.service.SummaryJob.LongJob;
import org.hearth.ui.service.Preview;
import org.hearth.ui.service.SummaryJob.Progress;
import org.hearth.ui.service.SummaryJob.Result;
import org.hearth.ui.service.SummaryJob.State;
import org.hearth.ui.service.SummaryService;
import org.hearth.ui.service.SummaryService.SummaryOptions;

/**
 * One file in the documents queue: its job's state, the summary as it streams in, and how it ended; or a summary
 * kept from an earlier run, with whether its file changed since.
 */
public final class DocumentItem extends ProgressTask {

    private final SummaryService summaries;
    private final Path file;
    private final ReadOnlyObjectWrapper<State> state = new ReadOnlyObjectWrapper<>(State.QUEUED);
    private final StreamedText text = new StreamedText();
    private final ReadOnlyObjectWrapper<Result> result = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<Failure> failure = new ReadOnlyObjectWrapper<>();
    /** Set while the job waits for the user's choice on a long summary. */
    private final ReadOnlyObjectWrapper<LongJob> longJob = new ReadOnlyObjectWrapper<>();
    /** Set while the job waits for the user to send what would leave this machine. */
    private final ReadOnlyObjectWrapper<Preview> preview = new ReadOnlyObjectWrapper<>();
    /** "about 12 min left" while summarising, once the service has an estimate. */
    private final ReadOnlyObjectWrapper<Message> remaining = new ReadOnlyObjectWrapper<>();
    /** Null while the summary shown was written in this session, from the file as it is. */
    private final ReadOnlyObjectWrapper<StoredSummary.Source> source = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyBooleanWrapper stored = new ReadOnlyBooleanWrapper();
    private final LongConsumer forgetStored;
    private long storedId;
    private SummaryOptions options;
    private SummaryJob job;

    /** @param forgetStored deletes a kept summary this item no longer shows, once a newer one replaced it */
    DocumentItem(SummaryService summaries, Path file, RunningTasks runningTasks, LongConsumer forgetStored) {
        super(runningTasks);
        this.summaries = summaries;
        this.file = file;
        this.forgetStored = forgetStored;
        updateStatus(DocumentWording.status(State.QUEUED, null, null));
    }

    /** A summary kept from an earlier run, shown as it ended: done, or cancelled with what was written. */
    static DocumentItem restored(SummaryService summaries, StoredSummary kept, RunningTasks runningTasks, LongConsumer forgetStored) {
        DocumentItem item = new DocumentItem(summaries, kept.file(), runningTasks, forgetStored);
        item.options = new SummaryOptions(kept.style(), kept.language(), Optional.empty());
        item.markStored(kept.id());
        item.source.set(kept.source());
        item.text.replace(kept.text());
        kept.result().ifPresent(item.result::set);
        item.show(kept.partial() ? State.CANCELLED : State.DONE, null);
        item.updateStatus(DocumentWording.kept(kept.partial(), kept.created()));
        return item;
    }

    /** Starts (or starts again) summarising with these options. */
    void start(SummaryOptions newOptions) {
        options = newOptions;
        int run = nextRun();
        text.clear();
        result.set(null);
        failure.set(null);
        source.set(null);
        show(State.QUEUED, null);
        setRunning(true);
        job = summaries.summarize(file, newOptions, new FxListener(run));
    }

    /** The answer to the long-job question: the whole document. */
    void summariseAll() {
        proceed(OptionalInt.empty());
    }

    /** The answer to the long-job question: only the first pages that fit the time asked about. */
    void summariseFirstPages() {
        LongJob asked = longJob.get();
        if (asked != null) {
            proceed(OptionalInt.of(asked.firstUnits()));
        }
    }

    private void proceed(OptionalInt firstPages) {
        if (longJob.get() != null && job != null) {
            longJob.set(null);
            job.proceed(firstPages);
        }
    }

    /** The answer to the preview: send exactly what it showed. */
    void send() {
        if (preview.get() != null && job != null) {
            preview.set(null);
            job.send();
        }
    }

    /** Tries again after a password prompt, keeping the style and language. */
    void retryWithPassword(String password) {
        start(new SummaryOptions(options.style(), options.language(), Optional.of(password)));
    }

    @Override
    public void cancel() {
        if (isRunning() && job != null) {
            job.cancel();
        }
    }

    public String fileName() {
        return file.getFileName().toString();
    }

    public Path file() {
        return file;
    }

    public ReadOnlyObjectProperty<State> stateProperty() {
        return state.getReadOnlyProperty();
    }

    public State getState() {
        return state.get();
    }

    public ReadOnlyStringProperty textProperty() {
        return text.property();
    }

    public ReadOnlyObjectProperty<Result> resultProperty() {
        return result.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<LongJob> longJobProperty() {
        return longJob.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Preview> previewProperty() {
        return preview.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Message> remainingProperty() {
        return remaining.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Failure> failureProperty() {
        return failure.getReadOnlyProperty();
    }

    /** The full, specific sentence for a failed job, naming the file; null otherwise. */
    public Message failureMessage() {
        return failure.get() == null ? null : DocumentWording.failure(failure.get());
    }

    /** The note that the summary covers only the beginning of a very long document; null otherwise. */
    public Message limitMessage() {
        return result.get() == null ? null : result.get().limitReached().map(TextLimitWording::note).orElse(null);
    }

    /** It failed only because no model is installed yet: setting one up, then summarising again, helps. */
    public boolean needsModel() {
        return failure.get() != null && failure.get().reason() == Failure.Reason.NO_MODEL;
    }

    /** Whether a summary of this item is kept for the next start, and so is deleted rather than just removed. */
    public ReadOnlyBooleanProperty storedProperty() {
        return stored.getReadOnlyProperty();
    }

    public boolean isStored() {
        return stored.get();
    }

    /** The id the kept summary is deleted by; empty while nothing is kept. */
    OptionalLong storedId() {
        return stored.get() ? OptionalLong.of(storedId) : OptionalLong.empty();
    }

    public ReadOnlyObjectProperty<StoredSummary.Source> sourceProperty() {
        return source.getReadOnlyProperty();
    }

    /** Says that the file changed or is gone since this kept summary was written; null when it is as it was. */
    public Message sourceMessage() {
        return source.get() == null ? null : DocumentWording.source(source.get(), file);
    }

    /** The file is gone: summarising it again cannot work. */
    public boolean sourceMissing() {
        return source.get() == StoredSummary.Source.MISSING;
    }

    public boolean needsPassword() {
        return failure.get() != null && DocumentWording.asksForPassword(failure.get().reason());
    }

    /** Updates the state last, so whoever listens to it sees the status, progress and running already matching. */
    private void show(State newState, Progress progress) {
        updateStatus(DocumentWording.status(newState, progress, failure.get()));
        switch (newState) {
            case DONE -> updateProgress(1.0);
            case FAILED, CANCELLED -> updateProgress(0.0);
            default -> updateProgress(progress == null ? 0 : progress.done(), progress == null ? 0 : progress.total());
        }
        setRunning(!isFinished(newState));
        if (newState != State.SUMMARISING) {
            remaining.set(null);
        }
        if (newState != State.AWAITING_CHOICE) {
            longJob.set(null);
        }
        if (newState != State.AWAITING_SEND) {
            preview.set(null);
        }
        if (isFinished(newState)) {
            setRoutedTo(null);
        }
        state.set(newState);
    }

    private void markStored(long id) {
        if (stored.get() && storedId != id) {
            forgetStored.accept(storedId);
        }
        storedId = id;
        stored.set(true);
    }

    private static boolean isFinished(State state) {
        return state == State.DONE || state == State.FAILED || state == State.CANCELLED;
    }

    private final class FxListener extends StreamedTextReports implements SummaryJob.Listener {

        FxListener(int ownRun) {
            super(ownRun, text);
        }

        /**
         * The service announces an end as a state and then as done / failed / cancelled with its content. Only the
         * latter counts: a job counts as ended after the first, so the failure's reason would be dropped.
         */
        @Override
        public void state(State newState) {
            if (!isFinished(newState)) {
                onFx(() -> show(newState, null));
            }
        }

        @Override
        public void progress(Progress progress) {
            onFx(() -> show(progress.stage(), progress));
        }

        @Override
        public void longJob(LongJob estimate) {
            onFx(() -> longJob.set(estimate));
        }

        @Override
        public void preview(Preview outgoing) {
            onFx(() -> preview.set(outgoing));
        }

        @Override
        public void routedTo(String target) {
            onFx(() -> setRoutedTo(target));
        }

        @Override
        public void remaining(Duration left) {
            onFx(() -> remaining.set(DocumentWording.remaining(left)));
        }

        @Override
        public void stored(long id) {
            onFx(() -> markStored(id));
        }

        @Override
        public void done(Result finished) {
            onFx(() -> {
                result.set(finished);
                text.replace(finished.text());
                show(State.DONE, null);
            });
        }

        @Override
        public void failed(Failure why) {
            onFx(() -> {
                failure.set(why);
                show(State.FAILED, null);
            });
        }

        @Override
        public void cancelled() {
            onFx(() -> show(State.CANCELLED, null));
        }
    }
}
