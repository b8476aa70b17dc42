package org.hearth.ingest.index;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.hearth.domain.Language;

/**
 * Legal-sounding German and English text for the search benchmark. Words are drawn with a Zipf
 * distribution (the k-th commonest word about 1/k as often as the commonest) from a vocabulary of
 * real legal words followed by made-up ones, so postings lists have the long tail of real text:
 * a few huge lists, many short ones.
 */
final class BenchmarkText {

    private static final int VOCABULARY = 6000;
    private static final List<String> GERMAN_WORDS = List.of(
            "der", "die", "das", "und", "ist", "nicht", "ein", "zu", "den", "von", "mit", "auf", "für", "des", "dem", "wird",
            "Vertrag", "Mieter", "Vermieter", "Kündigung", "Frist", "Klage", "Beklagte", "Klägerin", "Urteil", "Gericht",
            "Anspruch", "Zahlung", "Miete", "Kaution", "Schaden", "Ersatz", "Vollmacht", "Termin", "Antrag", "Berufung",
            "Verfahren", "Kosten", "Zinsen", "Forderung", "Mangel", "Minderung", "Wohnung", "Räume", "Nebenkosten",
            "Abrechnung", "Gesellschaft", "Geschäftsführer", "Haftung", "Verjährung", "Mahnung", "Bescheid", "Widerspruch",
            "Einspruch", "Vergleich", "Zeuge", "Beweis", "Gutachten", "Sachverständige", "Anwalt", "Mandant", "Notar",
            "Grundbuch", "Eigentum", "Darlehen", "Bürgschaft", "Insolvenz", "Verwalter", "Erbe", "Testament", "Pflichtteil",
            "Unterhalt", "Scheidung", "Sorgerecht", "Arbeitsvertrag", "Abfindung", "Kündigungsschutz", "Betriebsrat",
            "fristgerecht", "unverzüglich", "schriftlich", "gemäß", "zuzüglich", "vereinbart", "geschuldet", "zurückzuzahlen");
    private static final List<String> ENGLISH_WORDS = List.of(
            "the", "of", "and", "to", "in", "a", "shall", "be", "by", "or", "any", "this", "that", "with", "for", "as",
            "agreement", "tenant", "landlord", "termination", "notice", "period", "claim", "court", "judgment", "party",
            "payment", "rent", "deposit", "damages", "liability", "contract", "breach", "remedy", "warranty", "indemnity",
            "clause", "obligation", "consent", "assignment", "lease", "premises", "service", "charges", "interest",
            "invoice", "dispute", "arbitration", "jurisdiction", "governing", "law", "confidential", "information",
            "employee", "employer", "severance", "director", "company", "shareholder", "insolvency", "administrator",
            "estate", "will", "executor", "guarantee", "loan", "security", "mortgage", "title", "property", "witness",
            "evidence", "expert", "appeal", "hearing", "settlement", "costs", "terminated", "served", "writing", "hereby");
    private static final String[] SYLLABLES = {
            "an", "be", "ver", "zu", "ab", "aus", "ge", "ein", "recht", "schaft", "ung", "heit", "keit", "lich", "bar",
            "trag", "frist", "miet", "kauf", "zahl", "schuld", "pflicht", "stand", "satz", "spruch", "lage", "gang", "nahme",
            "con", "pro", "tion", "ment", "ance", "ity", "able", "ive", "ure", "ence", "ship", "hold", "lease", "tract"};

    private final SplittableRandom random;
    private final String[] german;
    private final String[] english;
    private final double[] cumulative;

    BenchmarkText(long seed) {
        this.random = new SplittableRandom(seed);
        this.german = vocabulary(GERMAN_WORDS, new SplittableRandom(seed ^ 0x5eed));
        this.english = vocabulary(ENGLISH_WORDS, new SplittableRandom(seed ^ 0xe5e5));
        this.cumulative = new double[VOCABULARY];
        double sum = 0;
        for (int rank = 0; rank < VOCABULARY; rank++) {
            sum += 1.0 / (rank + 1);
            cumulative[rank] = sum;
        }
    }

    /** Most text in a German firm is German. */
    Language nextLanguage() {
        return random.nextInt(10) < 7 ? Language.GERMAN : Language.ENGLISH;
    }

    /** Sentences until about {@code length} characters. */
    String chunk(Language language, int length) {
        StringBuilder text = new StringBuilder(length + 100);
        while (text.length() < length) {
            int words = 8 + random.nextInt(10);
            for (int i = 0; i < words; i++) {
                String word = word(language);
                text.append(i == 0 ? Character.toUpperCase(word.charAt(0)) + word.substring(1) : word).append(i + 1 < words ? " " : ". ");
            }
        }
        return text.toString().strip();
    }

    /** Two to four words of middling frequency: what people search for, neither "der" nor a typo. */
    String query(Language language) {
        String[] words = language == Language.GERMAN ? german : english;
        int count = 2 + random.nextInt(3);
        List<String> query = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            query.add(words[20 + random.nextInt(1000)]);
        }
        return String.join(" ", query);
    }

    /** A random direction: what the benchmark uses for embeddings, as it measures search without the model. */
    float[] unitVector(int dimension) {
        float[] vector = new float[dimension];
        for (int i = 0; i < dimension; i++) {
            vector[i] = (float) gaussian();
        }
        return Embeddings.normalise(vector);
    }

    private String word(Language language) {
        int rank = Arrays.binarySearch(cumulative, random.nextDouble() * cumulative[VOCABULARY - 1]);
        return (language == Language.GERMAN ? german : english)[Math.min(VOCABULARY - 1, rank < 0 ? -rank - 1 : rank)];
    }

    private double gaussian() {
        double u = 1 - random.nextDouble();
        double v = random.nextDouble();
        return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
    }

    private static String[] vocabulary(List<String> realWords, SplittableRandom random) {
        String[] words = new String[VOCABULARY];
        for (int i = 0; i < VOCABULARY; i++) {
            if (i < realWords.size()) {
                words[i] = realWords.get(i).toLowerCase(Locale.ROOT);
            } else {
                StringBuilder word = new StringBuilder();
                int syllables = 2 + random.nextInt(3);
                for (int s = 0; s < syllables; s++) {
                    word.append(SYLLABLES[random.nextInt(SYLLABLES.length)]);
                }
                words[i] = word.toString();
            }
        }
        return words;
    }
}
