package org.hearth.assistant.route.anonymise;

/** «PERSON_1»: what the model sees instead of one value. Guillemets, because models copy them and text rarely has them. */
public record Placeholder(EntityType type, int number) {

    public String text() {
        return "«" + type.label() + "_" + number + "»";
    }

    @Override
    public String toString() {
        return text();
    }
}
