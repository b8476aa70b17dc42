package org.hearth.assistant.task.draft;

import java.util.Objects;
import java.util.OptionalInt;

/**
 * What the model proposed for one field, and whether the sources bear it out.
 *
 * @param value    {@link Status#FILLED}: the value, dates and amounts in the firm's format; {@link Status#UNSUPPORTED}:
 *                 the model's unproven proposal, for the user to check, never to be written as fact;
 *                 {@link Status#EMPTY}: empty
 * @param source   the number of the source the model quoted, when it quoted one
 * @param quote    the model's quote, or empty
 * @param verified the quote stands verbatim in that source and the value stands in the quote
 */
public record FieldProposal(String name, Status status, String value, OptionalInt source, String quote, boolean verified) {

    public enum Status {
        /** Value with a verified quote. */
        FILLED,
        /** The model gave a value, but its quote is not in the source or does not contain the value ("nicht belegt"). */
        UNSUPPORTED,
        /** The sources do not answer it, or the model gave no usable answer. */
        EMPTY
    }

    public FieldProposal {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(quote, "quote");
        if ((status == Status.FILLED) != verified) {
            throw new IllegalArgumentException("A field is filled exactly when its evidence is verified");
        }
    }

    public static FieldProposal empty(String name) {
        return new FieldProposal(name, Status.EMPTY, "", OptionalInt.empty(), "", false);
    }
}
