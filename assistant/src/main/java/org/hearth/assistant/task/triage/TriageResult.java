package org.hearth.assistant.task.triage;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * A triage answer, parsed from JSON that already validated against {@link TriageSchema}.
 *
 * @param reason why the model chose this category and priority, for the user to judge the label
 */
public record TriageResult(String reason, TriageCategory category, int priority, boolean needsReply, List<Deadline> deadlines,
                           List<String> fileNumbers, String summary, String nextStep) {

    public TriageResult {
        deadlines = List.copyOf(deadlines);
        fileNumbers = List.copyOf(fileNumbers);
    }

    /** A date the mail names, what it is for, and the words of the mail that say so. */
    public record Deadline(LocalDate date, String what, String quote) {
    }

    /** @param json a document that validated against {@link TriageSchema} */
    public static TriageResult fromJson(JsonNode json) {
        List<Deadline> deadlines = new ArrayList<>();
        for (JsonNode d : json.get("deadlines")) {
            deadlines.add(new Deadline(LocalDate.parse(d.get("date").asText()), d.get("what").asText(), d.get("quote").asText()));
        }
        List<String> fileNumbers = new ArrayList<>();
        json.get("file_numbers").forEach(n -> fileNumbers.add(n.asText()));
        return new TriageResult(json.get("reason").asText(), TriageCategory.fromWireName(json.get("category").asText()), json.get("priority").asInt(),
                json.get("needs_reply").asBoolean(), deadlines, fileNumbers, json.get("summary").asText(),
                json.get("next_step").asText());
    }
}
