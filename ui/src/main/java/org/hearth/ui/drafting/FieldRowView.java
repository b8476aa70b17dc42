package org.hearth.ui.drafting;

import atlantafx.base.theme.Styles;
import javafx.beans.binding.Bindings;
import javafx.geometry.Pos;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.hearth.ui.common.Localization;
import org.hearth.ui.common.Message;
import org.hearth.ui.service.DraftingService.DraftJob.Evidence;
import org.hearth.ui.service.DraftingService.DraftJob.Field;

/**
 * One row of the review form: accept, the field's name and status, the value to edit, and below it where the value
 * came from and the quote. A value without a verified quote is set off in the warning colour and not accepted
 * until the user says so.
 */
final class FieldRowView extends HBox {

    private static final double NAME_WIDTH = 210;

    FieldRowView(Localization localization, FieldRow row) {
        Field field = row.proposal();
        getStyleClass().addAll("field-row", "field-" + field.status().name().toLowerCase(java.util.Locale.ROOT));
        setSpacing(12);
        setAlignment(Pos.TOP_LEFT);

        CheckBox accept = new CheckBox();
        accept.getStyleClass().add("field-accept");
        accept.selectedProperty().bindBidirectional(row.acceptedProperty());
        accept.setDisable(field.rows());
        accept.setTooltip(tooltip(localization, "drafting.accept.tooltip"));

        Label name = new Label(field.name());
        name.getStyleClass().addAll("field-name", Styles.TEXT_BOLD);
        name.setWrapText(true);
        if (!field.description().isBlank()) {
            name.setTooltip(new Tooltip(field.description()));
        }
        Label status = new Label();
        status.getStyleClass().addAll("field-status", "mail-mark", "status-" + field.status().name().toLowerCase(java.util.Locale.ROOT));
        status.textProperty().bind(localization.text(Bindings.createObjectBinding(() -> row.editedProperty().get()
                ? Message.of("drafting.status.edited") : Message.of("drafting.status." + field.status().name()), row.editedProperty())));
        VBox nameBox = new VBox(4, name, status);
        nameBox.setMinWidth(NAME_WIDTH);
        nameBox.setPrefWidth(NAME_WIDTH);
        nameBox.setMaxWidth(NAME_WIDTH);

        TextField value = new TextField();
        value.getStyleClass().add("field-value");
        value.textProperty().bindBidirectional(row.valueProperty());
        value.promptTextProperty().bind(localization.text(field.rows() ? "drafting.value.rows" : "drafting.value.prompt"));
        value.setDisable(field.rows());
        VBox valueBox = new VBox(4, value);
        field.evidence().ifPresent(evidence -> {
            Label source = new Label();
            source.getStyleClass().addAll("field-source", Styles.TEXT_SMALL, Styles.TEXT_MUTED);
            source.textProperty().bind(text(localization, where(evidence)));
            Label quote = new Label();
            quote.getStyleClass().addAll("field-quote", Styles.TEXT_SMALL);
            quote.setWrapText(true);
            quote.textProperty().bind(text(localization, evidence.verified()
                    ? Message.of("drafting.source.quote", evidence.quote())
                    : Message.of("drafting.source.quoteNotFound", evidence.quote())));
            Tooltip full = new Tooltip();
            full.setWrapText(true);
            full.setMaxWidth(480);
            full.textProperty().bind(quote.textProperty());
            value.setTooltip(full);
            valueBox.getChildren().addAll(source, quote);
        });
        HBox.setHgrow(valueBox, Priority.ALWAYS);
        getChildren().addAll(accept, nameBox, valueBox);
    }

    private static Message where(Evidence evidence) {
        String file = evidence.file().getFileName().toString();
        if (evidence.page().isPresent()) {
            return Message.of("drafting.source.page", file, evidence.page().getAsInt());
        }
        return evidence.paragraph().isPresent()
                ? Message.of("drafting.source.paragraph", file, evidence.paragraph().getAsInt())
                : Message.of("drafting.source.file", file);
    }

    private static javafx.beans.binding.StringBinding text(Localization localization, Message message) {
        return localization.text(message.key(), message.args().toArray());
    }

    private static Tooltip tooltip(Localization localization, String key) {
        Tooltip tooltip = new Tooltip();
        tooltip.textProperty().bind(localization.text(key));
        return tooltip;
    }
}
