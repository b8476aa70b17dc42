package org.hearth.assistant.route.anonymise;

/** Regular-expression pieces for names as they are written in German and English letters. */
final class NamePatterns {

    /** One capitalised word in any script (umlauts, ß, Turkish and Polish letters): "O'Brien", "McDonald", "Müller-Lüdenscheidt". */
    static final String WORD = "\\p{Lu}(?:['’]\\p{Lu})?[\\p{Ll}\\p{M}ß]+(?:\\p{Lu}[\\p{Ll}\\p{M}ß]+)?(?:-\\p{Lu}[\\p{Ll}\\p{M}ß]+)*";

    /** Lower-case parts of a family name: "von", "van der", "de la", "zu". */
    static final String PARTICLE = "(?:von|vom|van|de|der|den|dos|da|di|del|la|le|zu|zum|zur|ten|ter|bin|al)";

    /** A person's name: up to three given and family words, particles between them. */
    static final String PERSON = WORD + "(?:[ \\u00A0](?:" + PARTICLE + "[ \\u00A0])*" + WORD + "){0,2}";

    /** Words that open a name in a letter: forms of address, titles, roles. */
    static final String TITLE = "(?:Herrn?|Frau|Hr\\.|Fr\\.|Dr\\.|Prof\\.|Dipl\\.-\\p{Lu}\\p{Ll}+\\.|Rechtsanwalt|Rechtsanwältin|"
            + "RA|RAin|Notar|Notarin|Richter|Richterin|Mr\\.?|Mrs\\.?|Ms\\.?|Miss|Mx\\.?|Sir|Dame)";

    private NamePatterns() {
    }
}
