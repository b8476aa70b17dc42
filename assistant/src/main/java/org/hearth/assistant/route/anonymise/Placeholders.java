package org.hearth.assistant.route.anonymise;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The placeholders of one job or matter and what they stand for. The same value gets the same placeholder in every
 * text of the job, whatever its writing; a person's family name alone gets the person's placeholder. Lives only on
 * this machine: nothing in it is ever sent. The anonymiser holds it while it works on a text; answers are restored
 * from it on other threads.
 */
public final class Placeholders {

    /** A writing of a value the anonymiser looks for: the full name, the family name alone, the IBAN. */
    record Form(Placeholder placeholder, EntityType type, String value, Pattern pattern) {
    }

    private final Map<String, Placeholder> byKey = new HashMap<>();
    private final Map<Placeholder, String> values = new LinkedHashMap<>();
    private final List<Form> forms = new ArrayList<>();
    private final Map<EntityType, Integer> issued = new EnumMap<>(EntityType.class);

    /** The placeholder for {@code value}, issuing a new one for a value not seen before. */
    synchronized Placeholder of(EntityType type, String value) {
        String key = type + ":" + Forms.key(type, value);
        Placeholder known = byKey.get(key);
        if (known != null) {
            return known;
        }
        Placeholder placeholder = aliasOf(type, value).orElseGet(() ->
                new Placeholder(type, issued.merge(type, 1, Integer::sum)));
        byKey.put(key, placeholder);
        values.putIfAbsent(placeholder, value);
        forms.add(new Form(placeholder, type, value, Forms.pattern(type, value)));
        for (String alias : aliases(type, value)) {
            String aliasKey = type + ":" + Forms.key(type, alias);
            if (byKey.putIfAbsent(aliasKey, placeholder) == null) {
                forms.add(new Form(placeholder, type, alias, Forms.pattern(type, alias)));
            }
        }
        return placeholder;
    }

    /** "Weber" after "Klaus Weber" is the same person; a full name whose family name was seen alone joins it. */
    private Optional<Placeholder> aliasOf(EntityType type, String value) {
        for (String alias : aliases(type, value)) {
            Placeholder known = byKey.get(type + ":" + Forms.key(type, alias));
            if (known != null) {
                return Optional.of(known);
            }
        }
        return Optional.empty();
    }

    /** The shorter writings of a name that stand for the same person or organisation. */
    private static List<String> aliases(EntityType type, String value) {
        List<String> aliases = new ArrayList<>();
        if (type == EntityType.PERSON) {
            String[] words = value.strip().split("[\\s\\u00A0]+");
            String family = String.join(" ", Arrays.copyOfRange(words, 1, words.length));
            if (words.length > 1 && family.length() >= 3) {
                aliases.add(family);
                String last = words[words.length - 1];
                if (words.length > 2 && last.length() >= 3) {
                    aliases.add(last);
                }
            }
        } else if (type == EntityType.ORGANISATION) {
            String withoutForm = value.replaceFirst("[ ,]+(?:GmbH & Co\\. KG|gGmbH|GmbH|mbH|AG|KGaA|KG|OHG|GbR|PartG mbB|PartG|"
                    + "e\\. ?V\\.|eG|UG \\(haftungsbeschränkt\\)|UG|SE|Ltd\\.?|Limited|LLC|LLP|Inc\\.?|PLC|plc|Corp\\.?)$", "");
            if (!withoutForm.equals(value) && withoutForm.length() >= 4) {
                aliases.add(withoutForm);
            }
        }
        return aliases;
    }

    /** What {@code placeholder} stands for: the value as first written in the job. */
    public synchronized Optional<String> value(Placeholder placeholder) {
        return Optional.ofNullable(values.get(placeholder));
    }

    /** How many distinct values of each type the job has replaced so far. */
    public synchronized Map<EntityType, Integer> counts() {
        return Collections.unmodifiableMap(new EnumMap<>(issued));
    }

    /** Every placeholder issued, with its value; for the local preview, never for sending. */
    public synchronized Map<Placeholder, String> all() {
        return Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }

    List<Form> forms() {
        return Collections.unmodifiableList(forms);
    }
}
