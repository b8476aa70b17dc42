package org.hearth.ui.drafting;

import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import org.hearth.assistant.task.draft.FieldProposal.Status;
import org.hearth.ui.common.Background;
import org.hearth.ui.common.Message;
import org.hearth.ui.common.Outcome;
import org.hearth.ui.common.RunningTasks;
import org.hearth.ui.common.ServiceJobTask;
import org.hearth.ui.common.Tone;
import org.hearth.ui.service.DraftingService;
import org.hearth.ui.service.DraftingService.DraftJob;
import org.hearth.ui.service.DraftingService.DraftJob.Failure;
import org.hearth.ui.service.DraftingService.DraftJob.Field;
import org.hearth.ui.service.DraftingService.DraftJob.Stage;
import org.hearth.ui.service.Preview;

/** The proposals of one draft being made: which file is read, which field is asked, and cancel. */
public final class DraftTask extends ServiceJobTask<DraftJob> {

    /** How a draft ended, as one line in its tone. */
    public record Ending(Message message, Tone tone) implements Outcome {
    }

    private final DraftingService service;
    private final Consumer<List<Field>> proposed;
    private final Consumer<Ending> ended;
    private final ReadOnlyObjectWrapper<Preview> preview = new ReadOnlyObjectWrapper<>();

    /**
     * @param proposed hears the fields of a finished draft, on the JavaFX thread
     * @param ended    hears how each draft ended, on the JavaFX thread
     */
    DraftTask(DraftingService service, Background background, RunningTasks runningTasks, Consumer<List<Field>> proposed,
              Consumer<Ending> ended) {
        super(runningTasks, background, DraftJob::cancel);
        this.service = service;
        this.proposed = proposed;
        this.ended = ended;
    }

    void start(Path template, List<Path> sources) {
        launch(Message.of("drafting.starting"), own -> service.propose(template, sources, new FxListener(own)),
                () -> end(new Ending(Message.of("drafting.failure.OTHER", ""), Tone.DANGER)));
    }

    /** What would be sent, while the draft waits for the user to send it or cancel; null otherwise. */
    public ReadOnlyObjectProperty<Preview> previewProperty() {
        return preview.getReadOnlyProperty();
    }

    /** The answer to the preview: send exactly what it showed. */
    void send() {
        if (preview.get() != null) {
            preview.set(null);
            toJob(DraftJob::send);
        }
    }

    private void end(Ending ending) {
        preview.set(null);
        setRoutedTo(null);
        finish(ending.message());
        ended.accept(ending);
    }

    @Override
    protected Message stopping() {
        return Message.of("drafting.stopping");
    }

    static Message stage(Stage stage, String file, int done, int total) {
        return switch (stage) {
            case READING -> Message.of("drafting.stage.reading", file, done + 1, total);
            case WAITING_FOR_MODEL -> Message.of("drafting.stage.waiting");
            // the field being asked, never past the last
            case FILLING -> Message.of("drafting.stage.filling", Math.min(done + 1, total), total);
        };
    }

    private final class FxListener extends Reports implements DraftJob.Listener {

        FxListener(int ownRun) {
            super(ownRun);
        }

        @Override
        public void progress(Stage stage, String file, int done, int total) {
            onFx(() -> showProgress(stage(stage, file, done, total), done, stage == Stage.WAITING_FOR_MODEL ? 0 : total));
        }

        @Override
        public void preview(Preview outgoing) {
            onFx(() -> {
                if (!cancelRequested()) {
                    preview.set(outgoing);
                    updateStatus(Message.of("drafting.awaitingSend", outgoing.route().target().orElseThrow().name()));
                }
            });
        }

        @Override
        public void routedTo(String target) {
            onFx(() -> setRoutedTo(target));
        }

        @Override
        public void done(List<Field> fields) {
            onFx(() -> {
                proposed.accept(fields);
                long asked = fields.stream().filter(field -> !field.rows()).count();
                long verified = fields.stream().filter(field -> field.status() == Status.FILLED).count();
                end(new Ending(Message.of("drafting.done", verified, asked), verified == asked ? Tone.SUCCESS : Tone.WARNING));
            });
        }

        @Override
        public void failed(Failure failure) {
            onFx(() -> end(new Ending(Message.of("drafting.failure." + failure.reason().name(), failure.detail()), Tone.DANGER)));
        }

        @Override
        public void cancelled() {
            onFx(() -> end(new Ending(Message.of("drafting.cancelled"), Tone.NEUTRAL)));
        }
    }
}
