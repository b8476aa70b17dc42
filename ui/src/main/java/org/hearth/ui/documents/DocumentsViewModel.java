package org.hearth.ui.documents;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.stream.Collectors;
import javafx.beans.Observable;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.IntegerBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.hearth.assistant.task.summary.SummaryStyle;
import org.hearth.ui.common.Background;
import org.hearth.ui.common.Message;
import org.hearth.ui.common.RunningTasks;
import org.hearth.ui.service.ExportService;
import org.hearth.ui.service.StoredSummary;
import org.hearth.ui.service.SummaryService;
import org.hearth.ui.service.SummaryService.SummaryOptions;

/**
 * The documents queue: the summaries kept from earlier runs, newest first, then files dropped or chosen, each
 * summarised by the service, and what to do with the result.
 */
public final class DocumentsViewModel {

    private final SummaryService summaries;
    private final ExportService exports;
    private final RunningTasks runningTasks;
    private final Background background;
    private final Runnable openSetup;
    private final List<String> supportedExtensions;

    private final ObservableList<DocumentItem> queue =
            FXCollections.observableArrayList(item -> new Observable[] {item.runningProperty()});
    private final ObjectProperty<DocumentItem> selected = new SimpleObjectProperty<>();
    private final ObjectProperty<SummaryStyle> style = new SimpleObjectProperty<>(SummaryStyle.BRIEF);
    private final ObjectProperty<OutputLanguage> outputLanguage = new SimpleObjectProperty<>(OutputLanguage.DOCUMENT);
    /** Files that were dropped but cannot be read, one line each, until the user closes them. */
    private final ObservableList<Message> notes = FXCollections.observableArrayList();
    private final ReadOnlyObjectWrapper<Message> actionFeedback = new ReadOnlyObjectWrapper<>();

    /** @param openSetup shows the model set-up page, for files that failed because no model is installed */
    public DocumentsViewModel(SummaryService summaries, ExportService exports, RunningTasks runningTasks, Background background,
            Runnable openSetup) {
        this.summaries = summaries;
        this.openSetup = openSetup;
        this.exports = exports;
        this.runningTasks = runningTasks;
        this.background = background;
        this.supportedExtensions = summaries.supportedExtensions().stream().map(e -> e.toLowerCase(Locale.ROOT)).toList();
        background.run(summaries::storedSummaries, this::restore,
                failure -> notes.add(Message.of("documents.storedUnreadable", String.valueOf(failure.getMessage()))));
    }

    /**
     * Queues each file Hearth can read and starts it; the others get a note saying why not. The first new file is
     * selected, so the user sees what they just added rather than an older summary.
     */
    public void addFiles(List<Path> files) {
        DocumentItem firstAdded = null;
        for (Path file : files) {
            String name = file.getFileName().toString();
            if (supportedExtensions.contains(extension(name))) {
                DocumentItem item = new DocumentItem(summaries, file, runningTasks, this::deleteStored);
                queue.add(item);
                item.start(currentOptions());
                if (firstAdded == null) {
                    firstAdded = item;
                }
            } else {
                notes.add(Message.of("documents.unsupported", name, supportedList()));
            }
        }
        if (firstAdded != null) {
            selected.set(firstAdded);
        }
    }

    /** Summarises the selected file again with the style and language now chosen. */
    public void summariseSelectedAgain() {
        DocumentItem item = selected.get();
        if (item != null && !item.isRunning()) {
            item.start(currentOptions());
        }
    }

    public void retryWithPassword(DocumentItem item, String password) {
        item.retryWithPassword(password);
    }

    /** Takes the file off the list; a kept summary of it is deleted too, so it does not come back at the next start. */
    public void remove(DocumentItem item) {
        if (item.isRunning()) {
            return;
        }
        item.storedId().ifPresent(this::deleteStored);
        queue.remove(item);
        if (selected.get() == item) {
            selected.set(queue.isEmpty() ? null : queue.getFirst());
        }
    }

    /**
     * Shows the kept summaries after whatever is already listed. A summary this session finished while they were
     * being read is listed already, and not twice.
     */
    private void restore(List<StoredSummary> kept) {
        Set<Long> listed = queue.stream().map(DocumentItem::storedId).filter(OptionalLong::isPresent)
                .map(OptionalLong::getAsLong).collect(Collectors.toSet());
        queue.addAll(kept.stream().filter(k -> !listed.contains(k.id()))
                .map(k -> DocumentItem.restored(summaries, k, runningTasks, this::deleteStored)).toList());
    }

    private void deleteStored(long id) {
        background.run(() -> {
            summaries.deleteStoredSummary(id);
            return id;
        }, deleted -> { }, failure -> notes.add(Message.of("documents.deleteFailed", String.valueOf(failure.getMessage()))));
    }

    /** Writes the finished summary; the outcome shows as feedback, in the user's words. */
    public void export(DocumentItem item, ExportService.Format format, Path target) {
        var result = item.resultProperty().get();
        if (result == null) {
            return;
        }
        String targetName = target.getFileName().toString();
        background.run(() -> {
            exports.export(item.fileName(), result, format, target);
            return targetName;
        }, written -> actionFeedback.set(Message.of("documents.exported", written)),
                failure -> actionFeedback.set(Message.of("documents.exportFailed", targetName, String.valueOf(failure.getMessage()))));
    }

    public void openSetup() {
        openSetup.run();
    }

    public void reportCopied() {
        actionFeedback.set(Message.of("documents.copied"));
    }

    public void clearFeedback() {
        actionFeedback.set(null);
    }

    public void dismissNotes() {
        notes.clear();
    }

    public ObservableList<DocumentItem> queue() {
        return queue;
    }

    public ObjectProperty<DocumentItem> selectedProperty() {
        return selected;
    }

    public ObjectProperty<SummaryStyle> styleProperty() {
        return style;
    }

    public ObjectProperty<OutputLanguage> outputLanguageProperty() {
        return outputLanguage;
    }

    public ObservableList<Message> notes() {
        return notes;
    }

    public ReadOnlyObjectProperty<Message> actionFeedbackProperty() {
        return actionFeedback.getReadOnlyProperty();
    }

    /** Files still being worked on or waiting, for the navigation badge. */
    public IntegerBinding activeCount() {
        return Bindings.createIntegerBinding(() -> (int) queue.stream().filter(DocumentItem::isRunning).count(), queue);
    }

    /** For the empty queue's hint, e.g. "PDF, DOCX, TXT". */
    public String supportedList() {
        return supportedExtensions.stream().map(e -> e.toUpperCase(Locale.ROOT)).collect(Collectors.joining(", "));
    }

    public List<String> supportedExtensions() {
        return supportedExtensions;
    }

    private SummaryOptions currentOptions() {
        return new SummaryOptions(style.get(), outputLanguage.get().language(), Optional.empty());
    }

    private static String extension(String fileName) {
        int dot = fileName.lastIndexOf('.');
        return dot < 0 ? "" : fileName.substring(dot + 1).toLowerCase(Locale.ROOT);
    }
}
