package org.hearth.assistant.grammar;

/**
 * A schema uses something outside the subset Hearth can enforce. Thrown instead of quietly
 * producing a looser grammar or validator, so a task author finds out at startup, not in a
 * mail that was triaged with a malformed answer.
 *
 * @param pointer JSON pointer to the schema object holding the keyword ("" for the root)
 * @param keyword the offending keyword, e.g. {@code format}
 */
public final class UnsupportedSchemaException extends RuntimeException {

    private final String pointer;
    private final String keyword;

    public UnsupportedSchemaException(String pointer, String keyword, String reason) {
        super("Unsupported schema at '" + pointer + "', keyword '" + keyword + "': " + reason);
        this.pointer = pointer;
        this.keyword = keyword;
    }

    public String pointer() {
        return pointer;
    }

    public String keyword() {
        return keyword;
    }
}
