package org.hearth.assistant.grammar;

/**
 * One way a document breaks its schema.
 *
 * @param pointer JSON pointer into the validated document ("" for the document itself)
 * @param message what is wrong, in English, for logs and error output
 */
public record SchemaViolation(String pointer, String message) {

    @Override
    public String toString() {
        return (pointer.isEmpty() ? "(root)" : pointer) + ": " + message;
    }
}
