package org.hearth.ui.drafting;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.value.ObservableValue;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.hearth.ui.common.Background;
import org.hearth.ui.common.Message;
import org.hearth.ui.common.RunningTasks;
import org.hearth.ui.common.Tone;
import org.hearth.ui.service.DraftingService;
import org.hearth.ui.service.DraftingService.DraftJob.Field;
import org.hearth.ui.service.DraftingService.Template;
import org.hearth.ui.service.SettingsService.Settings;

/**
 * The Drafting tab: the templates of the folder chosen in the settings, the matter's files to fill one from, the
 * proposals being made, and the review form whose accepted values are written when the user saves.
 */
public final class DraftingViewModel {

    private final DraftingService service;
    private final Background background;
    private final ObservableValue<Settings> settings;
    private final List<String> supportedSources;

    private final ObservableList<Template> templates = FXCollections.observableArrayList();
    private final ObjectProperty<Template> template = new SimpleObjectProperty<>();
    private final ObservableList<Path> sources = FXCollections.observableArrayList();
    private final ObservableList<FieldRow> rows = FXCollections.observableArrayList();
    /** The template the rows were proposed for: saving fills that one, even if another is selected since. */
    private Template reviewed;
    /** Why the list of templates is empty or incomplete, or null when it is not. */
    private final ReadOnlyObjectWrapper<Message> templatesNote = new ReadOnlyObjectWrapper<>();
    /** Dropped files that cannot serve as sources, one line each, until the next drop or draft. */
    private final ObservableList<Message> notes = FXCollections.observableArrayList();
    private final ReadOnlyObjectWrapper<DraftTask.Ending> outcome = new ReadOnlyObjectWrapper<>();
    private final DraftTask task;

    public DraftingViewModel(DraftingService service, RunningTasks runningTasks, Background background,
                             ObservableValue<Settings> settings) {
        this.service = service;
        this.background = background;
        this.settings = settings;
        this.supportedSources = service.supportedSources().stream().map(e -> e.toLowerCase(Locale.ROOT)).toList();
        this.task = new DraftTask(service, background, runningTasks, this::review, outcome::set);
        settings.addListener((obs, old, now) -> {
            if (old == null || !old.templates().equals(now.templates())) {
                reloadTemplates();
            }
        });
        reloadTemplates();
    }

    /** Lists the templates of the folder in the settings again, keeping the selection where it still exists. */
    public void reloadTemplates() {
        String folder = settings.getValue().templates();
        if (folder.isBlank()) {
            templates.clear();
            templatesNote.set(Message.of("drafting.templates.noFolder"));
            return;
        }
        Path path = Path.of(folder);
        background.run(() -> service.templates(path), found -> {
            Template selected = template.get();
            templates.setAll(found);
            template.set(selected != null && found.contains(selected) ? selected : found.isEmpty() ? null : found.getFirst());
            templatesNote.set(found.isEmpty() ? Message.of("drafting.templates.empty", folder) : null);
        }, failure -> {
            templates.clear();
            templatesNote.set(Message.of("drafting.templates.unreadable", folder, String.valueOf(failure.getMessage())));
        });
    }

    /** Adds each file Hearth can read that is not listed yet; the others get a note saying why not. */
    public void addSources(List<Path> files) {
        notes.clear();
        for (Path file : files) {
            String name = file.getFileName().toString();
            if (!supportedSources.contains(extension(name))) {
                notes.add(Message.of("drafting.sources.unsupported", name, supportedList()));
            } else if (!sources.contains(file)) {
                sources.add(file);
            }
        }
    }

    public void removeSource(Path file) {
        sources.remove(file);
    }

    /** Asks the model for every field of the selected template; the form is emptied until the proposals come. */
    public void createDraft() {
        if (!canCreate().get()) {
            return;
        }
        notes.clear();
        rows.clear();
        reviewed = template.get();
        outcome.set(null);
        task.start(reviewed.file(), List.copyOf(sources));
    }

    public BooleanBinding canCreate() {
        return Bindings.createBooleanBinding(() -> template.get() != null && !sources.isEmpty() && !task.isRunning(),
                template, sources, task.runningProperty());
    }

    private void review(List<Field> fields) {
        rows.setAll(fields.stream().map(FieldRow::new).toList());
    }

    /** The file name offered in the save dialog, e.g. "Mandatsbestätigung-Entwurf.docx" (the suffix in the user's language). */
    public Message defaultSaveName() {
        return Message.of("drafting.save.defaultName", reviewed == null ? "" : reviewed.name());
    }

    /** Where the save dialog opens: beside the first source, which is where the matter's files are. */
    public Path saveFolder() {
        return sources.isEmpty() ? null : sources.getFirst().toAbsolutePath().getParent();
    }

    /** Writes the reviewed template with the accepted values to {@code out}; never over the template. */
    public void save(Path out) {
        if (reviewed == null || rows.isEmpty()) {
            return;
        }
        Path template = reviewed.file();
        String name = out.getFileName().toString();
        if (out.toAbsolutePath().normalize().equals(template.toAbsolutePath().normalize())) {
            outcome.set(new DraftTask.Ending(Message.of("drafting.save.isTemplate"), Tone.DANGER));
            return;
        }
        Map<String, String> values = rows.stream().filter(FieldRow::writes).collect(Collectors.toMap(
                row -> row.proposal().name(), row -> row.valueProperty().get(), (a, b) -> a, LinkedHashMap::new));
        background.run(() -> {
            service.save(template, values, out);
            return name;
        }, written -> outcome.set(new DraftTask.Ending(Message.of("drafting.saved", written, values.size(), rows.size()), Tone.SUCCESS)),
                failure -> outcome.set(new DraftTask.Ending(Message.of("drafting.saveFailed", name,
                        String.valueOf(failure.getMessage())), Tone.DANGER)));
    }

    public ObservableList<Template> templates() {
        return templates;
    }

    public ObjectProperty<Template> templateProperty() {
        return template;
    }

    public ReadOnlyObjectProperty<Message> templatesNoteProperty() {
        return templatesNote.getReadOnlyProperty();
    }

    public ObservableList<Path> sources() {
        return sources;
    }

    public ObservableList<Message> notes() {
        return notes;
    }

    public ObservableList<FieldRow> rows() {
        return rows;
    }

    public DraftTask task() {
        return task;
    }

    /** How the last draft or save ended. */
    public ReadOnlyObjectProperty<DraftTask.Ending> outcomeProperty() {
        return outcome.getReadOnlyProperty();
    }

    public List<String> supportedSources() {
        return supportedSources;
    }

    /** For the hints, e.g. "PDF, DOCX, TXT". */
    public String supportedList() {
        return supportedSources.stream().map(e -> e.toUpperCase(Locale.ROOT)).collect(Collectors.joining(", "));
    }

    private static String extension(String fileName) {
        int dot = fileName.lastIndexOf('.');
        return dot < 0 ? "" : fileName.substring(dot + 1).toLowerCase(Locale.ROOT);
    }
}
