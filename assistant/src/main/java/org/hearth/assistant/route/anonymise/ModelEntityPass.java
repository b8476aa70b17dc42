package org.hearth.assistant.route.anonymise;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;
import org.hearth.assistant.engine.Completion;
import org.hearth.assistant.engine.Engine;
import org.hearth.assistant.engine.EngineRequest;
import org.hearth.assistant.engine.Sampling;
import org.hearth.assistant.task.ContentFence;
import org.hearth.assistant.task.StructuredOutput;

/**
 * Asks the local model which persons, organisations and addresses a text names, for the names no rule catches (a
 * given name on no list, written without a title). Runs on this machine before anything leaves it: its engine must
 * be the local one. A name counts only if it stands in the text word for word — what a model invents is dropped —
 * so the pass can add placeholders, never text.
 */
public final class ModelEntityPass {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ContentFence FENCE = ContentFence.of("text");
    /** Characters of text per request: a page or two, small enough for any context with room for the answer. */
    private static final int CHUNK = 3_000;
    private static final int ANSWER_TOKENS = 512;
    private static final String SYSTEM = """
            You find names in a text for a law firm. List every person, organisation and postal address the text \
            names, each exactly as it is written there, character for character. List nothing that is not in the text.""";
    private static final JsonNode SCHEMA = schema();

    private final Engine engine;

    public ModelEntityPass(Engine engine) {
        this.engine = engine;
    }

    /** The names the model found that stand in {@code text} as written, each once. */
    public List<KnownEntity> find(String text, BooleanSupplier cancelled) {
        Set<KnownEntity> found = new LinkedHashSet<>();
        StructuredOutput output = StructuredOutput.fromSchema(SCHEMA);
        for (int start = 0; start < text.length(); start += CHUNK) {
            String chunk = text.substring(start, Math.min(text.length(), start + CHUNK));
            Completion completion = engine.complete(SYSTEM, EngineRequest.structured("<text>\n" + FENCE.defuse(chunk) + "\n</text>",
                    SCHEMA, Sampling.greedy(), ANSWER_TOKENS), piece -> { }, cancelled);
            if (completion.cancelled()) {
                throw new CancellationException("Cancelled");
            }
            JsonNode answer;
            try {
                answer = output.parseAndValidate(completion);
            } catch (StructuredOutput.InvalidStructuredOutputException e) {
                continue; // a chunk the model could not answer adds nothing; the rules still ran on it
            }
            for (JsonNode entity : answer.path("entities")) {
                String name = entity.path("text").asText().strip();
                if (name.length() >= 3 && text.toLowerCase(Locale.ROOT).contains(name.toLowerCase(Locale.ROOT))) {
                    found.add(new KnownEntity(EntityType.valueOf(entity.path("type").asText()), name));
                }
            }
        }
        return new ArrayList<>(found);
    }

    private static JsonNode schema() {
        try {
            return JSON.readTree("""
                    {"type":"object","properties":{"entities":{"type":"array","maxItems":40,"items":{"type":"object",
                     "properties":{"type":{"enum":["PERSON","ORGANISATION","ADDRESS"]},"text":{"type":"string","minLength":3,"maxLength":120}},
                     "required":["type","text"],"additionalProperties":false}}},"required":["entities"],"additionalProperties":false}""");
        } catch (java.io.IOException e) {
            throw new IllegalStateException("the entity schema is fixed text", e);
        }
    }
}
