package org.hearth.ui.inbox;

import atlantafx.base.theme.Styles;
import atlantafx.base.theme.Tweaks;
import java.time.LocalDate;
import java.util.List;
import javafx.beans.binding.Bindings;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextArea;
import javafx.scene.control.TitledPane;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.hearth.assistant.task.triage.TriageCategory;
import org.hearth.ui.common.Localization;
import org.hearth.ui.common.LocalizedCell;
import org.hearth.ui.common.Message;
import org.hearth.ui.common.TaskControls;
import org.hearth.ui.common.Units;
import org.hearth.ui.service.InboxService.AttachmentInfo;
import org.hearth.ui.service.InboxService.Deadline;
import org.hearth.ui.service.InboxService.MailItem;
import org.hearth.ui.service.InboxService.Status;

/**
 * The selected mail: who wrote it to whom and when, its label with the controls to correct it, the summary, why
 * the model labelled it so, the next step, deadlines with their source sentence, file numbers, the mail's text and
 * attachments, and folded away the plain text exactly as the model saw it. Nothing remote is loaded: there is no
 * web view.
 */
final class MailDetailView extends StackPane {

    private static final List<Integer> PRIORITIES = List.of(5, 4, 3, 2, 1);
    private static final long MEGABYTE = 1024 * 1024;

    private final Localization localization;
    private final InboxViewModel viewModel;
    /** The reply was copied and not changed since. */
    private final BooleanProperty copied = new SimpleBooleanProperty();

    private final Label subject = new Label();
    private final Label from = new Label();
    private final Label to = new Label();
    private final Label date = new Label();
    private final Label state = new Label();
    private final ComboBox<TriageCategory> category;
    private final ComboBox<Integer> priority;
    private final Button save = new Button();
    private final Label origin = new Label();
    private final VBox editor;
    private final Label summary = paragraph("inbox-summary");
    private final Label reason = paragraph("inbox-reason");
    private final Label nextStep = paragraph("inbox-next-step");
    private final VBox deadlines = new VBox(8);
    private final FlowPane fileNumbers = new FlowPane(6, 6);
    private final VBox attachments = new VBox(4);
    private final Label body = paragraph("inbox-body");
    private final TextArea modelText = new TextArea();
    private final TitledPane modelTextPane;
    private final List<VBox> sections;
    private final VBox summarySection;
    private final VBox reasonSection;
    private final VBox nextStepSection;
    private final VBox deadlinesSection;
    private final VBox fileNumbersSection;
    private final VBox attachmentsSection;
    private final VBox bodySection;

    MailDetailView(Localization localization, InboxViewModel viewModel) {
        this.localization = localization;
        this.viewModel = viewModel;
        getStyleClass().add("mail-detail");

        subject.setId("inbox-subject");
        subject.getStyleClass().add(Styles.TITLE_3);
        subject.setWrapText(true);
        from.setId("inbox-from");
        from.getStyleClass().add(Styles.TEXT_BOLD);
        date.setId("inbox-date");
        date.getStyleClass().add(Styles.TEXT_MUTED);
        HBox meta = new HBox(8, from, date);
        meta.setAlignment(Pos.BASELINE_LEFT);
        to.setId("inbox-to");
        to.setWrapText(true);
        to.getStyleClass().add(Styles.TEXT_MUTED);
        state.setId("inbox-mail-state");
        state.setWrapText(true);

        category = LocalizedCell.comboBox(localization, List.of(TriageCategory.values()), TriageCategory.OTHER,
                c -> localization.get(InboxWording.category(c)));
        category.setId("inbox-label-category");
        priority = LocalizedCell.comboBox(localization, PRIORITIES, 3, p -> localization.get(InboxWording.priority(p)));
        priority.setId("inbox-label-priority");
        save.setId("inbox-label-save");
        save.textProperty().bind(localization.text("inbox.detail.save"));
        save.disableProperty().bind(Bindings.createBooleanBinding(() -> !changed(),
                viewModel.selectedProperty(), category.valueProperty(), priority.valueProperty()));
        save.setOnAction(e -> saveLabel());
        origin.setId("inbox-label-origin");
        origin.getStyleClass().addAll(Styles.TEXT_SMALL, Styles.TEXT_MUTED);
        for (Region keepsWidth : List.of(category, priority, save)) {
            keepsWidth.setMinWidth(Region.USE_PREF_SIZE);
        }
        Region spacer = new Region();
        HBox.setHgrow(spacer, javafx.scene.layout.Priority.ALWAYS);
        HBox headingLine = new HBox(8, heading("inbox.detail.label"), spacer, origin);
        headingLine.setAlignment(Pos.BASELINE_LEFT);
        HBox controls = new HBox(8, category, priority, save);
        controls.setAlignment(Pos.CENTER_LEFT);
        editor = new VBox(6, headingLine, controls);
        editor.getStyleClass().add("label-editor");

        deadlines.setId("inbox-deadlines");
        fileNumbers.setId("inbox-file-numbers");
        attachments.setId("inbox-attachments");
        modelText.setId("inbox-model-text");
        modelText.setEditable(false);
        modelText.setWrapText(true);
        modelText.setPrefRowCount(14);
        modelText.getStyleClass().add("model-text");
        Label modelTextHint = new Label();
        modelTextHint.textProperty().bind(localization.text("inbox.detail.modelText.hint"));
        modelTextHint.getStyleClass().addAll(Styles.TEXT_SMALL, Styles.TEXT_MUTED);
        modelTextHint.setWrapText(true);

        summarySection = section("inbox.detail.summary", summary);
        reasonSection = section("inbox.detail.reason", reason);
        nextStepSection = section("inbox.detail.nextStep", nextStep);
        deadlinesSection = section("inbox.detail.deadlines", deadlines);
        fileNumbersSection = section("inbox.detail.fileNumbers", fileNumbers);
        attachmentsSection = section("inbox.detail.attachments", attachments);
        bodySection = section("inbox.detail.body", body);
        body.setFocusTraversable(false);
        // What the model read is for checking its answer, not for reading the mail: folded away until asked for.
        modelTextPane = new TitledPane();
        modelTextPane.setId("inbox-model-text-pane");
        modelTextPane.textProperty().bind(localization.text("inbox.detail.modelText"));
        modelTextPane.setContent(new VBox(6, modelTextHint, modelText));
        modelTextPane.setExpanded(false);
        modelTextPane.setAnimated(false);
        sections = List.of(summarySection, reasonSection, nextStepSection, deadlinesSection, fileNumbersSection,
                attachmentsSection);

        VBox content = new VBox(16, new VBox(4, subjectLine(), meta, to), state, replySection(), editor, summarySection, nextStepSection,
                deadlinesSection, reasonSection, fileNumbersSection, bodySection, attachmentsSection, modelTextPane);
        content.setPadding(new Insets(16));
        ScrollPane scroll = new ScrollPane(content);
        scroll.setFitToWidth(true);
        scroll.getStyleClass().add(Tweaks.EDGE_TO_EDGE);

        Label empty = new Label();
        empty.textProperty().bind(localization.text("inbox.detail.nothingSelected"));
        empty.getStyleClass().add(Styles.TEXT_MUTED);
        empty.visibleProperty().bind(viewModel.selectedProperty().isNull());
        scroll.visibleProperty().bind(viewModel.selectedProperty().isNotNull());
        getChildren().addAll(empty, scroll);

        viewModel.selectedProperty().addListener((obs, old, mail) -> show(mail));
        show(viewModel.selectedProperty().get());
    }

    /** The subject, which wraps, and beside it "Antwort entwerfen": sender and date keep the whole width below. */
    private HBox subjectLine() {
        HBox.setHgrow(subject, javafx.scene.layout.Priority.ALWAYS);
        subject.setMaxWidth(Double.MAX_VALUE);
        HBox line = new HBox(12, subject, replyButton());
        line.setAlignment(Pos.TOP_LEFT);
        return line;
    }

    /** "Antwort entwerfen" on the shown mail. */
    private Button replyButton() {
        Button draft = new Button();
        draft.setId("inbox-reply");
        draft.textProperty().bind(localization.text("inbox.reply"));
        draft.getStyleClass().add(Styles.SMALL);
        draft.setMinWidth(Region.USE_PREF_SIZE);
        draft.disableProperty().bind(viewModel.reply().runningProperty());
        draft.setOnAction(e -> viewModel.draftReply());
        return draft;
    }

    /**
     * For the mail the reply was drafted for: its progress, then the reply in an editor with Copy. Hearth never
     * sends it.
     */
    private VBox replySection() {
        ReplyTask task = viewModel.reply();

        TextArea reply = new TextArea();
        reply.setId("inbox-reply-text");
        reply.setWrapText(true);
        reply.setPrefRowCount(10);
        reply.editableProperty().bind(task.runningProperty().not());
        // The streamed text fills the editor; once done, the text is the user's to change.
        task.textProperty().addListener((obs, old, now) -> reply.setText(now));
        Button copy = new Button();
        copy.setId("inbox-reply-copy");
        copy.textProperty().bind(localization.text("inbox.reply.copy"));
        copy.disableProperty().bind(task.runningProperty().or(reply.textProperty().isEmpty()));
        copy.setOnAction(e -> {
            ClipboardContent content = new ClipboardContent();
            content.putString(reply.getText());
            Clipboard.getSystemClipboard().setContent(content);
            copied.set(true);
        });
        Label copiedLine = new Label();
        copiedLine.setId("inbox-reply-copied");
        copiedLine.textProperty().bind(localization.text("inbox.reply.copied"));
        copiedLine.getStyleClass().addAll(Styles.TEXT_SMALL, Styles.SUCCESS);
        copiedLine.visibleProperty().bind(copied);
        reply.textProperty().addListener((obs, old, now) -> copied.set(false));
        Label status = TaskControls.statusLine(localization, task, task.outcomeProperty(), "inbox-reply-status");
        status.setWrapText(true);
        HBox progress = new HBox(8, TaskControls.progressBar(task, "inbox-reply-progress"),
                TaskControls.cancelButton(localization, task, "inbox.reply.cancel", "inbox-reply-cancel"));
        progress.setAlignment(Pos.CENTER_LEFT);
        HBox actions = new HBox(8, copy, copiedLine);
        actions.setAlignment(Pos.CENTER_LEFT);
        VBox drafted = new VBox(6, heading("inbox.reply.heading"), progress, status, reply, actions);
        drafted.setId("inbox-reply-pane");
        var forThisMail = Bindings.createBooleanBinding(() -> viewModel.selectedProperty().get() != null
                        && viewModel.selectedProperty().get().id().equals(task.mailIdProperty().get()),
                viewModel.selectedProperty(), task.mailIdProperty());
        drafted.visibleProperty().bind(forThisMail);
        drafted.managedProperty().bind(forThisMail);
        return drafted;
    }

    private void show(MailItem mail) {
        if (mail == null) {
            return;
        }
        LocalDate today = LocalDate.now();
        subject.setText(mail.subject());
        from.setText(mail.from());
        bind(to, mail.to().isEmpty() ? null : Message.of("inbox.detail.to", String.join(", ", mail.to())));
        setShown(to, !mail.to().isEmpty());
        body.setText(mail.body());
        setShown(bodySection, !mail.body().isBlank());
        modelTextPane.setExpanded(false);
        bind(date, mail.date().map(when -> Message.of("inbox.date.full", java.util.Date.from(when))).orElse(null));
        modelText.setText(mail.modelText());
        boolean triaged = mail.status() == Status.OK;
        setShown(editor, triaged);
        for (VBox section : sections) {
            setShown(section, false);
        }
        state.getStyleClass().removeAll(Styles.DANGER, Styles.TEXT_MUTED);
        switch (mail.status()) {
            case OK -> {
                bind(state, null);
                category.setValue(mail.category());
                priority.setValue(mail.priority());
                bind(origin, Message.of(mail.corrected() ? "inbox.detail.byUser" : "inbox.detail.byModel"));
                showText(summarySection, summary, mail.summary());
                showText(reasonSection, reason, mail.reason());
                showText(nextStepSection, nextStep, mail.nextStep());
                showDeadlines(mail.deadlines(), today);
                showFileNumbers(mail.fileNumbers());
            }
            case PENDING -> {
                bind(state, Message.of("inbox.detail.pending"));
                state.getStyleClass().add(Styles.TEXT_MUTED);
            }
            case FAILED -> {
                bind(state, Message.of("inbox.detail.failed", mail.error().orElse("")));
                state.getStyleClass().add(Styles.DANGER);
            }
        }
        setShown(state, !triaged);
        showAttachments(mail.attachments());
    }

    private void showText(VBox section, Label label, String text) {
        label.setText(text);
        setShown(section, !text.isBlank());
    }

    private void showDeadlines(List<Deadline> all, LocalDate today) {
        deadlines.getChildren().setAll(all.stream().map(deadline -> {
            Label when = new Label();
            bind(when, Message.of("inbox.detail.deadline", InboxWording.date(deadline.date()), deadline.what()));
            when.getStyleClass().addAll(Styles.TEXT_BOLD, DeadlineTone.of(deadline.date(), today).styleClass());
            when.setWrapText(true);
            VBox entry = new VBox(2, when);
            if (!deadline.quote().isBlank()) {
                Label quote = new Label();
                bind(quote, Message.of("inbox.detail.quote", deadline.quote()));
                quote.getStyleClass().addAll(Styles.TEXT_MUTED, "deadline-quote");
                quote.setWrapText(true);
                entry.getChildren().add(quote);
            }
            return (Node) entry;
        }).toList());
        setShown(deadlinesSection, !all.isEmpty());
    }

    private void showFileNumbers(List<String> numbers) {
        fileNumbers.getChildren().setAll(numbers.stream().map(number -> {
            Label chip = new Label(number);
            chip.getStyleClass().addAll("mail-mark", "mark-file-number");
            return (Node) chip;
        }).toList());
        setShown(fileNumbersSection, !numbers.isEmpty());
    }

    private void showAttachments(List<AttachmentInfo> all) {
        attachments.getChildren().setAll(all.stream().map(attachment -> {
            Label line = new Label();
            bind(line, attachment.size() >= MEGABYTE
                    ? Message.of("inbox.detail.attachment.mb", attachment.name(), attachment.mimeType(),
                            Units.megabytes(attachment.size()))
                    : Message.of("inbox.detail.attachment.kb", attachment.name(), attachment.mimeType(),
                            Math.max(1, Math.round(Units.kilobytes(attachment.size())))));
            return (Node) line;
        }).toList());
        setShown(attachmentsSection, !all.isEmpty());
    }

    /** Only a real change is saved: the same label again would teach the model nothing. */
    private boolean changed() {
        MailItem mail = viewModel.selectedProperty().get();
        return mail != null && mail.status() == Status.OK && category.getValue() != null && priority.getValue() != null
                && (category.getValue() != mail.category() || priority.getValue() != mail.priority());
    }

    private void saveLabel() {
        if (changed()) {
            viewModel.relabel(viewModel.selectedProperty().get(), category.getValue(), priority.getValue());
        }
    }

    private VBox section(String headingKey, Node... body) {
        VBox section = new VBox(6, heading(headingKey));
        section.getChildren().addAll(body);
        return section;
    }

    private Label heading(String key) {
        Label heading = new Label();
        heading.textProperty().bind(localization.text(key));
        heading.getStyleClass().add("detail-heading");
        heading.setMinWidth(Region.USE_PREF_SIZE);
        return heading;
    }

    private void bind(Label label, Message message) {
        if (message == null) {
            label.textProperty().unbind();
            label.setText("");
        } else {
            label.textProperty().bind(localization.text(message.key(), message.args().toArray()));
        }
    }

    private static Label paragraph(String id) {
        Label label = new Label();
        label.setId(id);
        label.setWrapText(true);
        return label;
    }

    private static void setShown(Node node, boolean visible) {
        node.setVisible(visible);
        node.setManaged(visible);
    }
}
