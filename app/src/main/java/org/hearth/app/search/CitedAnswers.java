package org.hearth.app.search;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import org.hearth.assistant.engine.Engine;
import org.hearth.assistant.task.answer.Answer;
import org.hearth.assistant.task.answer.AnswerListener;
import org.hearth.assistant.task.answer.Answerer;
import org.hearth.assistant.task.answer.Citation;
import org.hearth.assistant.task.answer.QuoteCheck;
import org.hearth.assistant.task.answer.Source;
import org.hearth.domain.Language;
import org.hearth.domain.LanguageDetector;
import org.hearth.ingest.index.Hit;
import org.hearth.ingest.index.SearchIndex;
import org.hearth.ingest.index.SearchRequest;
import org.hearth.ingest.index.SearchResponse;
import org.hearth.ingest.index.StoredChunk;

/**
 * A question answered from the firm's own files: retrieve passages, refuse plainly when none is relevant, let the
 * model answer from numbered sources, then check every citation's quote verbatim against the stored passage.
 * A quote that cannot be found is kept, marked unverified, so the UI never shows it as fact.
 */
public final class CitedAnswers {

    /** Passages the model is given, best first (it drops the weakest if they do not fit its context). */
    static final int SOURCES = 6;
    /**
     * Relevance gate: at least this share of the question's words must occur in some passage. BM25 scores depend
     * on the index and cannot be compared with a fixed number; word coverage can.
     */
    static final double MIN_TERM_COVERAGE = 0.5;

    /** @param chunk the stored passage source {@code n} was; {@code verified}: the quote is in it, word for word */
    public record CheckedCitation(int n, StoredChunk chunk, String quote, boolean verified) {
    }

    public record Result(boolean refused, String text, List<CheckedCitation> citations, List<Hit> sources, Language language) {
        public Result {
            citations = List.copyOf(citations);
            sources = List.copyOf(sources);
        }
    }

    /**
     * Where the answer is written: the local model (loaded by the CLI, shared by the window) or, for a question the
     * user let leave, a server behind the anonymiser. Asked only when a passage is relevant.
     */
    @FunctionalInterface
    public interface EngineSource {
        Engine await(BooleanSupplier cancelled) throws InterruptedException;
    }

    private final SearchIndex index;

    public CitedAnswers(SearchIndex index) {
        this.index = index;
    }

    /** The passages found for {@code question}, and whether any is relevant enough to answer from. */
    public record Retrieval(List<Hit> hits, boolean relevant, boolean hybrid) {
    }

    public Retrieval retrieve(String question, Optional<String> collection) throws IOException {
        SearchRequest request = SearchRequest.hybrid(SOURCES);
        SearchResponse response = index.search(question, collection.map(request::in).orElse(request));
        return new Retrieval(response.hits(), !response.hits().isEmpty() && response.bestTermCoverage() >= MIN_TERM_COVERAGE,
                response.hybrid());
    }

    public Result ask(String question, Optional<String> collection, EngineSource engines,
                      AnswerListener listener, BooleanSupplier cancelled) throws IOException, InterruptedException {
        return answer(question, retrieve(question, collection), engines, listener, cancelled);
    }

    /** Answers from passages already retrieved; refuses without asking the model when none is relevant. */
    public Result answer(String question, Retrieval retrieval, EngineSource engines,
                         AnswerListener listener, BooleanSupplier cancelled) throws InterruptedException {
        Language language = LanguageDetector.ofQuestion(question);
        if (!retrieval.relevant()) {
            Answer nothing = Answer.nothingFound(language);
            listener.text(nothing.text());
            return new Result(true, nothing.text(), List.of(), retrieval.hits(), language);
        }
        List<Source> sources = new ArrayList<>();
        for (int i = 0; i < retrieval.hits().size(); i++) {
            Hit hit = retrieval.hits().get(i);
            sources.add(new Source(i + 1, label(hit.chunk(), language), hit.text()));
        }
        Answer answer = new Answerer(engines.await(cancelled)).answer(question, sources, language, listener, cancelled);
        return new Result(answer.refused(), answer.text(), check(answer.citations(), retrieval.hits()), retrieval.hits(), language);
    }

    /** Each citation against the passage it names: the quote must be in that passage's stored text. */
    static List<CheckedCitation> check(List<Citation> citations, List<Hit> sources) {
        List<CheckedCitation> checked = new ArrayList<>();
        for (Citation citation : citations) {
            StoredChunk chunk = sources.get(citation.n() - 1).chunk();
            checked.add(new CheckedCitation(citation.n(), chunk, citation.quote(), QuoteCheck.verify(citation.quote(), chunk.text())));
        }
        return checked;
    }

    /** "Vertrag.pdf, S. 4" / "Vertrag.docx, Abs. 3–5": how a source is named in the prompt and in citations. */
    public static String label(StoredChunk chunk, Language language) {
        boolean german = language == Language.GERMAN;
        if (chunk.page().isPresent()) {
            return chunk.fileName() + (german ? ", S. " : ", p. ") + chunk.page().getAsInt();
        }
        if (chunk.paragraphs().isPresent()) {
            var range = chunk.paragraphs().get();
            String numbers = range.first() == range.last() ? String.valueOf(range.first()) : range.first() + "–" + range.last();
            return chunk.fileName() + (german ? ", Abs. " : ", para. ") + numbers;
        }
        return chunk.fileName();
    }
}
