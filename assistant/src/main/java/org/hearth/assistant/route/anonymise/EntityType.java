package org.hearth.assistant.route.anonymise;

/**
 * The kinds of client data the anonymiser replaces. {@link #label()} is what a placeholder shows the model: short,
 * upper case, no underscore of its own, the same in German and English, so a model copies it unchanged.
 */
public enum EntityType {
    PERSON("PERSON"),
    ORGANISATION("ORG"),
    ADDRESS("ADDRESS"),
    IBAN("IBAN"),
    TAX_ID("TAXID"),
    COURT_FILE_NUMBER("CASE"),
    FIRM_FILE_NUMBER("FILE"),
    PHONE("PHONE"),
    EMAIL("EMAIL"),
    BIRTH_DATE("BIRTHDATE"),
    LICENCE_PLATE("PLATE");

    private final String label;

    EntityType(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    static EntityType ofLabel(String label) {
        for (EntityType type : values()) {
            if (type.label.equalsIgnoreCase(label)) {
                return type;
            }
        }
        return null;
    }
}
