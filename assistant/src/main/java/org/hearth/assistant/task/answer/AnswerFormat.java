package org.hearth.assistant.task.answer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.SequencedSet;
import java.util.SortedSet;
import java.util.TreeSet;
import org.hearth.assistant.engine.EngineException;

/**
 * The JSON an answer must be: {@code {"refused":…,"answer":"…","citations":[{"n":…,"quote":"…"}]}},
 * {@code n} from an enum of exactly the numbers of the sources in the prompt, so a citation can
 * never point at a source the model was not given. Lengths and counts are capped so that the
 * whole answer fits its token allowance.
 *
 * @param citable       the numbers of the sources in the prompt
 * @param answerChars   characters the answer text may have
 * @param maxCitations  citations the answer may give
 * @param quoteChars    characters one quote may have
 */
record AnswerFormat(SortedSet<Integer> citable, int answerChars, int maxCitations, int quoteChars) {

    static final int MAX_ANSWER_CHARS = 1500;
    static final int MAX_CITATIONS = 6;
    static final int MAX_QUOTE_CHARS = 200;

    /** Below this an answer cannot say more than that it has no room. */
    private static final int MIN_ANSWER_CHARS = 40;

    /** The share of the allowance quotes may take; the answer itself matters more. */
    private static final double QUOTE_SHARE = 0.45;

    /**
     * Assumed tokens per character of generated text, relative to the model's rate on ordinary
     * text: answers under a grammar may spell characters as escapes or in rarer, longer tokens.
     */
    private static final double SAFETY = 2.0;

    /** {@code {"refused":false,"answer":"","citations":[]}} around the texts. */
    private static final int SKELETON_CHARS = 46;

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    AnswerFormat {
        citable = Collections.unmodifiableSortedSet(new TreeSet<>(citable));
        if (citable.isEmpty()) {
            throw new IllegalArgumentException("An answer needs at least one source it may cite");
        }
    }

    /**
     * The largest format whose answer fits {@code answerTokens}.
     *
     * @param tokensPerChar the model's tokens per character on text in the answer's language
     * @throws EngineException when the allowance is too small for an answer worth reading
     */
    static AnswerFormat fitting(SortedSet<Integer> citable, int answerTokens, double tokensPerChar) {
        int chars = (int) Math.floor(answerTokens / (tokensPerChar * SAFETY)) - SKELETON_CHARS;
        int perCitation = citationSkeleton(citable.last());
        double quoteBudget = chars * QUOTE_SHARE;
        int citations = (int) Math.clamp(Math.floor(quoteBudget / (MAX_QUOTE_CHARS + perCitation)), 1, MAX_CITATIONS);
        int quote = (int) Math.clamp(Math.floor(quoteBudget / citations) - perCitation, 1, MAX_QUOTE_CHARS);
        int answer = Math.min(MAX_ANSWER_CHARS, chars - citations * (quote + perCitation));
        if (answer < MIN_ANSWER_CHARS) {
            throw new EngineException("An answer allowance of " + answerTokens + " tokens is too small; use a larger context");
        }
        return new AnswerFormat(citable, answer, citations, quote);
    }

    /** Half of everything: for a second attempt after an answer was cut off. */
    AnswerFormat smaller() {
        return new AnswerFormat(citable, Math.max(1, answerChars / 2), Math.max(1, maxCitations / 2), Math.max(1, quoteChars / 2));
    }

    JsonNode schema() {
        ArrayNode numbers = NODES.arrayNode();
        citable.forEach(numbers::add);
        ObjectNode citation = NODES.objectNode().put("type", "object");
        ObjectNode citationProperties = citation.putObject("properties");
        citationProperties.set("n", NODES.objectNode().set("enum", numbers));
        citationProperties.set("quote", string(quoteChars));
        citation.putArray("required").add("n").add("quote");
        citation.put("additionalProperties", false);

        ObjectNode root = NODES.objectNode().put("type", "object");
        ObjectNode properties = root.putObject("properties");
        // refused comes first: the model decides whether it can answer before it starts answering
        properties.set("refused", NODES.objectNode().put("type", "boolean"));
        properties.set("answer", string(answerChars));
        properties.set("citations", NODES.objectNode().put("type", "array").put("maxItems", maxCitations).set("items", citation));
        root.putArray("required").add("refused").add("answer").add("citations");
        root.put("additionalProperties", false);
        return root;
    }

    /** The citations of an answer already validated against {@link #schema()}, repeats left out. */
    static List<Citation> citations(JsonNode answer) {
        SequencedSet<Citation> citations = new LinkedHashSet<>();
        for (JsonNode citation : answer.get("citations")) {
            citations.add(new Citation(citation.get("n").intValue(), citation.get("quote").asText()));
        }
        return new ArrayList<>(citations);
    }

    private static ObjectNode string(int maxLength) {
        return NODES.objectNode().put("type", "string").put("minLength", 1).put("maxLength", maxLength);
    }

    /** The JSON around one quote: keys, quotes, comma and the longest number. */
    private static int citationSkeleton(int largestNumber) {
        return "{\"n\":,\"quote\":\"\"},".length() + Integer.toString(largestNumber).length();
    }
}
