package org.hearth.ui.inbox;

import atlantafx.base.theme.Styles;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.hearth.assistant.task.triage.TriageCategory;
import org.hearth.ui.common.Localization;
import org.hearth.ui.common.Message;
import org.hearth.ui.common.RowCell;
import org.hearth.ui.service.InboxService.Deadline;
import org.hearth.ui.service.InboxService.MailItem;

/**
 * One mail in the list, like a mail client's row: priority chip, sender and date, subject with marks
 * (deadline, reply needed, file number, the user's label), and the category tag with the one-line summary.
 * The date and the marks sit at the right edge.
 */
final class MailCell extends RowCell<MailItem> {

    private final Localization localization;
    private final Label priority = new Label();
    private final Label sender = new Label();
    private final Label date = new Label();
    private final Label subject = new Label();
    private final Label deadline = new Label();
    private final Label reply = new Label();
    private final Label fileNumber = new Label();
    private final Label corrected = new Label();
    private final Tooltip correctedTip = new Tooltip();
    private final Label category = new Label();
    private final Label summary = new Label();

    MailCell(Localization localization) {
        this.localization = localization;
        getStyleClass().add("mail-cell");
        priority.getStyleClass().add("priority-chip");
        priority.setMinWidth(Region.USE_PREF_SIZE);
        sender.getStyleClass().add(Styles.TEXT_BOLD);
        date.getStyleClass().addAll(Styles.TEXT_SMALL, Styles.TEXT_MUTED);
        date.setMinWidth(Region.USE_PREF_SIZE);
        subject.getStyleClass().add("mail-subject");
        for (Label mark : List.of(deadline, reply, fileNumber, corrected)) {
            mark.getStyleClass().add("mail-mark");
            mark.setMinWidth(Region.USE_PREF_SIZE);
        }
        deadline.getStyleClass().add("mark-deadline");
        reply.getStyleClass().add("mark-reply");
        fileNumber.getStyleClass().add("mark-file-number");
        corrected.getStyleClass().add("mark-corrected");
        correctedTip.textProperty().bind(localization.text("inbox.mark.corrected.tooltip"));
        corrected.setTooltip(correctedTip);
        reply.textProperty().bind(localization.text("inbox.mark.reply"));
        corrected.textProperty().bind(localization.text("inbox.mark.corrected"));
        category.getStyleClass().add("category-tag");
        category.setMinWidth(Region.USE_PREF_SIZE);
        summary.getStyleClass().addAll(Styles.TEXT_MUTED, "mail-summary");

        HBox top = new HBox(8, growing(sender), date);
        HBox middle = new HBox(6, growing(subject), deadline, reply, fileNumber, corrected);
        HBox bottom = new HBox(6, category, growing(summary));
        for (HBox line : List.of(top, middle, bottom)) {
            line.setAlignment(Pos.CENTER_LEFT);
        }
        VBox text = widthless(new VBox(3, top, middle, bottom));
        HBox.setHgrow(text, Priority.ALWAYS);
        HBox row = new HBox(10, priority, text);
        row.setAlignment(Pos.TOP_LEFT);
        setRow(row);
    }

    @Override
    protected void updateItem(MailItem mail, boolean empty) {
        super.updateItem(mail, empty);
        if (empty || mail == null) {
            showNothing();
            return;
        }
        LocalDate today = LocalDate.now();
        sender.setText(mail.from());
        subject.setText(mail.subject());
        show(date, mail.date().map(when -> InboxWording.received(when, today)));
        priority.getStyleClass().removeIf(style -> style.startsWith("priority-") && !style.equals("priority-chip"));
        category.getStyleClass().remove("category-alarming");
        summary.getStyleClass().removeAll(Styles.DANGER, "mail-pending");
        switch (mail.status()) {
            case OK -> {
                priority.setText(Integer.toString(mail.priority()));
                priority.getStyleClass().add("priority-" + mail.priority());
                priority.accessibleTextProperty().bind(localization.text("inbox.priority.chip", mail.priority()));
                show(category, Optional.of(InboxWording.category(mail.category())));
                if (mail.category() == TriageCategory.SPAM_OR_PHISHING) {
                    category.getStyleClass().add("category-alarming");
                }
                summary.textProperty().unbind();
                summary.setText(mail.summary());
                showDeadline(mail.deadlines(), today);
                setShown(reply, mail.needsReply());
                show(fileNumber, mail.fileNumbers().stream().findFirst().map(number -> Message.of("inbox.mark.fileNumber", number)));
                setShown(corrected, mail.corrected());
            }
            case PENDING -> {
                untriaged("priority-pending", "\u2026");
                summary.textProperty().bind(localization.text("inbox.pending"));
                summary.getStyleClass().add("mail-pending");
            }
            case FAILED -> {
                untriaged("priority-failed", "!");
                summary.textProperty().bind(localization.text("inbox.failedRow", mail.error().orElse("")));
                summary.getStyleClass().add(Styles.DANGER);
            }
        }
        showRow();
    }

    /** A row without triage: no category, no marks, the chip says it is not known. */
    private void untriaged(String chipStyle, String chipText) {
        priority.setText(chipText);
        priority.getStyleClass().add(chipStyle);
        priority.accessibleTextProperty().unbind();
        priority.setAccessibleText(null);
        for (Label hidden : List.of(category, deadline, reply, fileNumber, corrected)) {
            setShown(hidden, false);
        }
    }

    private void showDeadline(List<Deadline> deadlines, LocalDate today) {
        deadline.getStyleClass().removeIf(style -> style.startsWith("deadline-"));
        Optional<Deadline> next = DeadlineTone.next(deadlines, today);
        next.ifPresent(d -> deadline.getStyleClass().add(DeadlineTone.of(d.date(), today).styleClass()));
        show(deadline, next.map(d -> Message.of("inbox.mark.deadline", InboxWording.date(d.date()))));
    }

    private void show(Label label, Optional<Message> text) {
        label.textProperty().unbind();
        text.ifPresentOrElse(message -> label.textProperty().bind(localization.text(message.key(), message.args().toArray())),
                () -> label.setText(""));
        setShown(label, text.isPresent());
    }

    private static void setShown(Node node, boolean visible) {
        node.setVisible(visible);
        node.setManaged(visible);
    }
}
