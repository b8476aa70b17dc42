package org.hearth.assistant.task.summary;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;
import org.hearth.domain.Locator;

/**
 * The JSON a step must answer with: {@code {"items":[…]}}, each item citing page (or paragraph)
 * numbers from an enum of exactly the numbers the step's input contains. Item count and string
 * lengths are capped so that the whole answer fits the step's token allowance.
 *
 * @param citable   the numbers the input contains; the only ones an answer may cite
 * @param maxItems  items the answer may have
 * @param itemChars characters of text one item may have (split over its text fields)
 */
record AnswerFormat(AnswerShape shape, Locator.Unit unit, SortedSet<Integer> citable, int maxItems, int itemChars) {

    /** References one item may give. */
    static final int MAX_REFS = 4;

    /** Below this an item says nothing useful; fewer items are better than shorter ones. */
    private static final int MIN_ITEM_CHARS = 40;

    /**
     * Assumed tokens per character of generated text, relative to the model's rate on ordinary
     * text: answers under a grammar may spell characters as escapes or in rarer, longer tokens.
     */
    private static final double SAFETY = 2.0;

    /** {@code {"items":[]}} around the items. */
    private static final int OUTER_CHARS = 12;

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    AnswerFormat {
        citable = Collections.unmodifiableSortedSet(new TreeSet<>(citable));
        if (citable.isEmpty()) {
            throw new IllegalArgumentException("An answer needs at least one number it may cite");
        }
    }

    /**
     * The largest format whose answer fits {@code answerTokens}.
     *
     * @param tokensPerChar the model's tokens per character on text in the summary's language
     */
    static AnswerFormat fitting(SummaryStyle style, Phase phase, Locator.Unit unit, SortedSet<Integer> citable,
                                int answerTokens, double tokensPerChar) {
        AnswerShape shape = AnswerShape.of(style);
        int overheadChars = skeletonChars(shape, citable.last());
        double itemOverhead = overheadChars * tokensPerChar;
        double charCost = tokensPerChar * SAFETY;
        double usable = answerTokens - OUTER_CHARS * tokensPerChar;
        int items = (int) Math.max(1, Math.min(itemsFor(style, phase), Math.floor(usable / (itemOverhead + MIN_ITEM_CHARS * charCost))));
        int chars = (int) Math.min(charsFor(style), Math.floor((usable / items - itemOverhead) / charCost));
        return new AnswerFormat(shape, unit, citable, items, Math.max(chars, 1));
    }

    /** Half the items and half the text: for a second attempt after an answer was cut off. */
    AnswerFormat smaller() {
        return new AnswerFormat(shape, unit, citable, Math.max(1, maxItems / 2), Math.max(1, itemChars / 2));
    }

    String referenceField() {
        return unit == Locator.Unit.PAGE ? "pages" : "paragraphs";
    }

    JsonNode schema() {
        ObjectNode item = NODES.objectNode().put("type", "object");
        ObjectNode properties = item.putObject("properties");
        ArrayNode required = item.putArray("required");
        switch (shape) {
            case POINTS -> properties.set("text", string(itemChars));
            case DEADLINES -> {
                properties.set("date", NODES.objectNode().set("anyOf", NODES.arrayNode()
                        .add(NODES.objectNode().put("type", "string").put("format", "date"))
                        .add(NODES.objectNode().put("type", "null"))));
                properties.set("what", string(Math.max(1, itemChars * 2 / 5)));
                properties.set("quote", string(Math.max(1, itemChars * 3 / 5)));
            }
            case PARTIES -> {
                properties.set("name", string(Math.max(1, itemChars / 3)));
                properties.set("role", string(Math.max(1, itemChars * 2 / 3)));
            }
        }
        ArrayNode numbers = NODES.arrayNode();
        citable.forEach(numbers::add);
        properties.set(referenceField(), NODES.objectNode().put("type", "array").put("minItems", 1).put("maxItems", MAX_REFS)
                .set("items", NODES.objectNode().set("enum", numbers)));
        properties.fieldNames().forEachRemaining(required::add);

        ObjectNode root = NODES.objectNode().put("type", "object");
        // every part of the document contributes at least one point; deadlines and parties may be absent from a part
        int minItems = shape == AnswerShape.POINTS ? 1 : 0;
        root.putObject("properties").set("items", NODES.objectNode().put("type", "array")
                .put("minItems", minItems).put("maxItems", maxItems).set("items", item));
        root.putArray("required").add("items");
        return root;
    }

    /** The findings of an answer already validated against {@link #schema()}. */
    List<Finding> findings(JsonNode answer) {
        List<Finding> findings = new ArrayList<>();
        for (JsonNode item : answer.get("items")) {
            List<Integer> refs = new ArrayList<>();
            item.get(referenceField()).forEach(number -> refs.add(number.intValue()));
            findings.add(switch (shape) {
                case POINTS -> new Finding.Point(item.get("text").asText(), List.copyOf(refs));
                case DEADLINES -> new Finding.Deadline(item.get("date").isNull() ? null : item.get("date").asText(),
                        item.get("what").asText(), item.get("quote").asText(), List.copyOf(refs));
                case PARTIES -> new Finding.Party(item.get("name").asText(), item.get("role").asText(), List.copyOf(refs));
            });
        }
        return findings;
    }

    private static ObjectNode string(int maxLength) {
        return NODES.objectNode().put("type", "string").put("maxLength", maxLength);
    }

    /** The JSON around one item's text: keys, quotes, commas and the most references. */
    private static int skeletonChars(AnswerShape shape, int largestNumber) {
        int keys = switch (shape) {
            case POINTS -> "{\"text\":\"\",\"paragraphs\":[]},".length();
            case DEADLINES -> "{\"date\":\"2026-01-12\",\"what\":\"\",\"quote\":\"\",\"paragraphs\":[]},".length();
            case PARTIES -> "{\"name\":\"\",\"role\":\"\",\"paragraphs\":[]},".length();
        };
        return keys + MAX_REFS * (Integer.toString(largestNumber).length() + 1);
    }

    private static int itemsFor(SummaryStyle style, Phase phase) {
        return switch (style) {
            case BRIEF -> pick(phase, 3, 4, 5);
            case DETAILED -> pick(phase, 6, 8, 12);
            case KEY_POINTS -> pick(phase, 5, 6, 8);
            case DEADLINES -> pick(phase, 6, 10, 15);
            case PARTIES -> pick(phase, 6, 10, 12);
        };
    }

    private static int pick(Phase phase, int map, int reduce, int last) {
        return switch (phase) {
            case MAP -> map;
            case REDUCE -> reduce;
            case FINAL -> last;
        };
    }

    private static int charsFor(SummaryStyle style) {
        return switch (style) {
            case BRIEF, KEY_POINTS -> 200;
            case DETAILED -> 300;
            case DEADLINES -> 240;
            case PARTIES -> 160;
        };
    }
}
