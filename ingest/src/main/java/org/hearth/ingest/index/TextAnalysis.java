package org.hearth.ingest.index;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SequencedSet;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.StopFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.compound.DictionaryCompoundWordTokenFilter;
import org.apache.lucene.analysis.core.KeywordTokenizer;
import org.apache.lucene.analysis.de.GermanAnalyzer;
import org.apache.lucene.analysis.de.GermanLightStemFilter;
import org.apache.lucene.analysis.de.GermanNormalizationFilter;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.analysis.miscellaneous.RemoveDuplicatesTokenFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.hearth.domain.Language;

/**
 * How text becomes terms, per language. German: lower case, stop words, umlaut and ß folding
 * (so "Kuendigungsfrist" and "Kündigungsfrist" are one term), light stemming (plurals and case
 * endings: "Kündigungsfristen" → "Kündigungsfrist"), and at index time only, the parts of compounds
 * from a small legal word list ("Frist" finds "Kündigungsfrist"). Queries are not split into parts,
 * so a compound in the query still asks for the compound. English: Lucene's English analysis
 * (possessives, stop words, Porter stemming: "periods" → "period").
 */
final class TextAnalysis {

    static final Analyzer GERMAN_INDEX = german(true);
    static final Analyzer GERMAN_QUERY = german(false);
    static final Analyzer ENGLISH = new EnglishAnalyzer();

    /** Compounds shorter than this are not split; parts shorter than this are not looked for. */
    private static final int MIN_COMPOUND = 8;
    private static final int MIN_PART = 4;
    private static final int MAX_PART = 20;

    /** A term and where it stands in the analysed text. */
    record Token(String term, int start, int end) {
    }

    private TextAnalysis() {
    }

    /** Routes each text field to its language's analyser; what the IndexWriter is given. */
    static Analyzer indexAnalyzer() {
        return new PerFieldAnalyzerWrapper(ENGLISH, Map.of(IndexSchema.textField(Language.GERMAN), GERMAN_INDEX));
    }

    static Analyzer indexAnalyzer(Language language) {
        return language == Language.GERMAN ? GERMAN_INDEX : ENGLISH;
    }

    static Analyzer queryAnalyzer(Language language) {
        return language == Language.GERMAN ? GERMAN_QUERY : ENGLISH;
    }

    /** The distinct terms of {@code text}, in order of first occurrence. */
    static SequencedSet<String> terms(Analyzer analyzer, String text) {
        SequencedSet<String> terms = new LinkedHashSet<>();
        tokens(analyzer, text).forEach(token -> terms.add(token.term()));
        return terms;
    }

    static List<Token> tokens(Analyzer analyzer, String text) {
        List<Token> tokens = new ArrayList<>();
        try (TokenStream stream = analyzer.tokenStream("", text)) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            OffsetAttribute offset = stream.addAttribute(OffsetAttribute.class);
            stream.reset();
            while (stream.incrementToken()) {
                tokens.add(new Token(term.toString(), offset.startOffset(), offset.endOffset()));
            }
            stream.end();
        } catch (IOException e) {
            throw new UncheckedIOException("analysing a string cannot fail", e);
        }
        return tokens;
    }

    private static Analyzer german(boolean splitCompounds) {
        CharArraySet parts = splitCompounds ? germanWordParts() : null;
        return new Analyzer() {
            @Override
            protected TokenStreamComponents createComponents(String fieldName) {
                Tokenizer tokenizer = new StandardTokenizer();
                TokenStream stream = new LowerCaseFilter(tokenizer);
                stream = new StopFilter(stream, GermanAnalyzer.getDefaultStopSet());
                stream = new GermanNormalizationFilter(stream);
                if (parts != null) {
                    stream = new DictionaryCompoundWordTokenFilter(stream, parts, MIN_COMPOUND, MIN_PART, MAX_PART, true);
                }
                stream = new GermanLightStemFilter(stream);
                // "Verträgen" is the stem "vertrag" and also contains the part "vertrag": count it once
                return new TokenStreamComponents(tokenizer, new RemoveDuplicatesTokenFilter(stream));
            }
        };
    }

    /** The word list, folded the way the German analysis folds document text. */
    private static CharArraySet germanWordParts() {
        Analyzer folding = new Analyzer() {
            @Override
            protected TokenStreamComponents createComponents(String fieldName) {
                Tokenizer tokenizer = new KeywordTokenizer();
                return new TokenStreamComponents(tokenizer, new GermanNormalizationFilter(new LowerCaseFilter(tokenizer)));
            }
        };
        CharArraySet parts = new CharArraySet(256, false);
        try (InputStream in = Objects.requireNonNull(TextAnalysis.class.getResourceAsStream("german-word-parts.txt"), "german-word-parts.txt");
             BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
             folding) {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                String word = line.strip();
                if (!word.isEmpty() && !word.startsWith("#")) {
                    parts.addAll(terms(folding, word));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("the German word list ships with Hearth", e);
        }
        return parts;
    }
}
