package org.hearth.ui.privacy;

import atlantafx.base.theme.Styles;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import javafx.beans.value.ObservableValue;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.text.Text;
import javafx.scene.text.TextFlow;
import javafx.stage.Modality;
import javafx.stage.Window;
import org.hearth.assistant.route.Route;
import org.hearth.assistant.route.Target;
import org.hearth.assistant.route.anonymise.Anonymised;
import org.hearth.ui.common.Localization;
import org.hearth.ui.service.Preview;

/**
 * Before the first byte of a job leaves: the server, why it goes there and at what estimate, and exactly the text
 * that would leave, its placeholders highlighted. What each placeholder stands for shows only here (on hover and in
 * the list beside the text). Send sends it; Cancel or closing the dialog ends the job with nothing sent.
 */
public final class SendPreviewDialog extends Dialog<ButtonType> {

    private final ButtonType send;

    private SendPreviewDialog(Window owner, Localization localization, String subject, Preview preview) {
        initOwner(owner);
        initModality(Modality.NONE);
        setResizable(true);
        Route route = preview.route();
        Target target = route.target().orElseThrow(() -> new IllegalArgumentException("a preview is of a job that leaves"));
        setTitle(localization.get("preview.title", subject));

        Label where = new Label(localization.get("preview.target", target.name(), localization.get("target.kind." + target.kind().name())));
        where.setId("preview-target");
        where.getStyleClass().add(Styles.TITLE_4);
        Label why = wrapped(localization.get("preview.reason." + route.reason().name()) + " " + estimate(localization, route));
        why.setId("preview-reason");
        Label how = wrapped(localization.get(route.anonymised() ? "preview.anonymised" : "preview.notAnonymised"));
        how.getStyleClass().add(route.anonymised() ? Styles.TEXT_MUTED : Styles.WARNING);
        Label exactly = new Label(localization.get("preview.text"));
        exactly.getStyleClass().add(Styles.TEXT_BOLD);

        TextFlow outgoing = outgoingText(preview.outgoing());
        outgoing.setId("preview-outgoing");
        outgoing.setPadding(new Insets(8));
        ScrollPane text = new ScrollPane(outgoing);
        text.setFitToWidth(true);
        ListView<String> replacements = new ListView<>();
        replacements.setId("preview-replacements");
        replacements.getItems().setAll(replacementLines(preview.outgoing()));
        Label noReplacements = new Label(localization.get("preview.replacements.none"));
        noReplacements.setWrapText(true);
        replacements.setPlaceholder(noReplacements);
        VBox side = new VBox(4, new Label(localization.get("preview.replacements")), replacements);
        SplitPane body = new SplitPane(text, side);
        body.setDividerPositions(0.7);
        body.setPrefSize(900, 480);
        VBox.setVgrow(body, javafx.scene.layout.Priority.ALWAYS);

        VBox content = new VBox(8, where, why, how, exactly, body);
        content.setPadding(new Insets(16));
        getDialogPane().setContent(content);
        getDialogPane().setPrefSize(960, 720);
        getDialogPane().setMinWidth(Region.USE_PREF_SIZE);
        // a dialog is a scene of its own: the placeholders' highlight comes from the window's stylesheet
        getDialogPane().getStylesheets().add(Objects.requireNonNull(SendPreviewDialog.class.getResource("/org/hearth/ui/hearth.css"))
                .toExternalForm());

        send = new ButtonType(localization.get("preview.send"), ButtonBar.ButtonData.OK_DONE);
        ButtonType cancel = new ButtonType(localization.get("preview.cancel"), ButtonBar.ButtonData.CANCEL_CLOSE);
        getDialogPane().getButtonTypes().addAll(send, cancel);
        getDialogPane().lookupButton(send).setId("preview-send");
        getDialogPane().lookupButton(cancel).setId("preview-cancel");
        // nothing leaves by a stray Enter: the user has to choose Send
        getDialogPane().lookupButton(cancel).getStyleClass().add(Styles.ACCENT);
        ((Button) getDialogPane().lookupButton(send)).setDefaultButton(false);
    }

    /**
     * Shows the preview for a job waiting to be sent, without blocking: the choice goes to the job when the dialog
     * closes, and the dialog closes by itself when the job stops waiting (cancelled elsewhere).
     *
     * @param subject what would be sent, for the title: a file's name, a question
     * @param waiting the job's preview while it waits for the choice; null once it does not
     */
    public static void show(Window owner, Localization localization, String subject, ObservableValue<Preview> waiting,
                            Runnable send, Runnable cancel) {
        SendPreviewDialog dialog = new SendPreviewDialog(owner, localization, subject, waiting.getValue());
        waiting.addListener((obs, old, now) -> {
            if (now == null) {
                dialog.close();
            }
        });
        dialog.setOnHidden(e -> {
            if (dialog.getResult() == dialog.send) {
                send.run();
            } else if (waiting.getValue() != null) {
                cancel.run();
            }
        });
        dialog.show();
    }

    /** A label that wraps and keeps every line, however narrow the dialog. */
    private static Label wrapped(String text) {
        Label label = new Label(text);
        label.setWrapText(true);
        label.setMinHeight(Region.USE_PREF_SIZE);
        return label;
    }

    private static String estimate(Localization localization, Route route) {
        return route.estimatedCost()
                .map(cost -> localization.get("preview.estimateCost", route.estimatedTokens(), cost))
                .orElseGet(() -> localization.get("preview.estimate", route.estimatedTokens()));
    }

    /** The outgoing text with each placeholder as its own highlighted piece, what it stands for in its tooltip. */
    private static TextFlow outgoingText(Anonymised outgoing) {
        List<Node> pieces = new ArrayList<>();
        String text = outgoing.outgoing();
        int at = 0;
        for (Anonymised.Replacement replacement : outgoing.replacements()) {
            if (replacement.start() > at) {
                pieces.add(new Text(text.substring(at, replacement.start())));
            }
            Text placeholder = new Text(text.substring(replacement.start(), replacement.end()));
            placeholder.getStyleClass().add("outgoing-placeholder");
            Tooltip.install(placeholder, new Tooltip(replacement.original()));
            pieces.add(placeholder);
            at = replacement.end();
        }
        if (at < text.length()) {
            pieces.add(new Text(text.substring(at)));
        }
        return new TextFlow(pieces.toArray(Node[]::new));
    }

    /** "«PERSON_1» = Klaus Weber", once per placeholder, in the order they first appear. */
    private static List<String> replacementLines(Anonymised outgoing) {
        Map<String, String> lines = new LinkedHashMap<>();
        for (Anonymised.Replacement replacement : outgoing.replacements()) {
            lines.putIfAbsent(replacement.placeholder().text(), replacement.original());
        }
        return lines.entrySet().stream().map(line -> line.getKey() + " = " + line.getValue()).toList();
    }
}
