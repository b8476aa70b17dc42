package org.hearth.ingest.index;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.hearth.domain.Language;

/**
 * A query's words analysed once per language: German text is searched with the German terms,
 * English text with the English ones. Any word may match (BM25 ranks chunks with more of them
 * higher); there is no query syntax, so nothing a user types is an error.
 */
record QueryTerms(Map<Language, List<String>> byLanguage) {

    /** A pasted paragraph is still a query; beyond this many distinct terms the rest adds little. */
    static final int MAX_TERMS = 64;

    static QueryTerms of(String query) {
        Map<Language, List<String>> terms = new EnumMap<>(Language.class);
        for (Language language : Language.values()) {
            List<String> analysed = new ArrayList<>(TextAnalysis.terms(TextAnalysis.queryAnalyzer(language), query));
            terms.put(language, List.copyOf(analysed.subList(0, Math.min(MAX_TERMS, analysed.size()))));
        }
        return new QueryTerms(terms);
    }

    List<String> in(Language language) {
        return byLanguage.getOrDefault(language, List.of());
    }

    boolean isEmpty() {
        return byLanguage.values().stream().allMatch(List::isEmpty);
    }

    Query query() {
        BooleanQuery.Builder query = new BooleanQuery.Builder();
        byLanguage.forEach((language, terms) -> terms.forEach(term ->
                query.add(new TermQuery(new Term(IndexSchema.textField(language), term)), BooleanClause.Occur.SHOULD)));
        return query.build();
    }
}
