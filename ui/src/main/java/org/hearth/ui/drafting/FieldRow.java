package org.hearth.ui.drafting;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.hearth.assistant.task.draft.FieldProposal.Status;
import org.hearth.ui.service.DraftingService.DraftJob.Field;

/**
 * One field in review: the model's proposal and evidence as they came, and what the user makes of it. A value with
 * a verified quote is accepted as it stands; an unsupported ("nicht belegt") one only once the user accepts or edits
 * it; an empty one once the user types a value. Only accepted values are written.
 */
public final class FieldRow {

    private final Field proposal;
    private final StringProperty value;
    private final BooleanProperty accepted;
    private final ReadOnlyBooleanWrapper edited = new ReadOnlyBooleanWrapper();

    FieldRow(Field proposal) {
        this.proposal = proposal;
        this.value = new SimpleStringProperty(proposal.value());
        this.accepted = new SimpleBooleanProperty(proposal.status() == Status.FILLED);
        value.addListener((obs, old, now) -> {
            edited.set(!now.equals(proposal.value()));
            if (edited.get()) {
                accepted.set(!now.isBlank());
            }
        });
    }

    public Field proposal() {
        return proposal;
    }

    /** The value as the user has it now: the proposal, or what they typed over it. */
    public StringProperty valueProperty() {
        return value;
    }

    public BooleanProperty acceptedProperty() {
        return accepted;
    }

    /** The user changed the value: it no longer rests on the model's evidence. */
    public ReadOnlyBooleanProperty editedProperty() {
        return edited.getReadOnlyProperty();
    }

    /** Whether the value goes into the document. A repeated table row never does: it is not a single value. */
    boolean writes() {
        return !proposal.rows() && accepted.get() && !value.get().isBlank();
    }
}
