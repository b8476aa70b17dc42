package org.hearth.app.search;

import java.util.List;
import org.hearth.app.privacy.JobRouting;
import org.hearth.app.privacy.Outgoing;
import org.hearth.app.privacy.RoutedJob;
import org.hearth.assistant.route.anonymise.AnonymisationException;
import org.hearth.domain.LanguageDetector;
import org.hearth.ingest.index.Hit;

/**
 * Where a cited answer is written and, when it leaves, what goes: the question and the passages it is answered
 * from, anonymised with placeholders that the answer's engine then keeps using, so what is sent uses the numbering
 * the preview showed.
 */
public final class AnswerRouting extends RoutedJob {

    /** What an answer may write back, for the routing estimate. */
    private static final int ANSWER_TOKENS = 1024;

    public AnswerRouting(JobRouting routing) {
        super(routing, ANSWER_TOKENS);
    }

    /**
     * The route and, as it would leave, the question with the passages it is answered from, each under the label the
     * model sees (file and page or paragraph). The fixed instructions around them hold no client data.
     */
    public Outgoing outgoing(String question, CitedAnswers.Retrieval retrieval) throws AnonymisationException {
        StringBuilder text = new StringBuilder(question);
        List<Hit> hits = retrieval.hits();
        for (int i = 0; i < hits.size(); i++) {
            text.append("\n\n[").append(i + 1).append("] ").append(CitedAnswers.label(hits.get(i).chunk(), LanguageDetector.ofQuestion(question)))
                    .append("\n").append(hits.get(i).text());
        }
        return outgoing(text.toString(), text.length(), List.of());
    }

}
