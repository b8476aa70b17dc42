package org.hearth.assistant.engine.local;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.hearth.assistant.engine.EngineRequest;
import org.hearth.assistant.engine.Sampling;
import org.hearth.assistant.grammar.JsonSchemaGrammar;
import org.hearth.assistant.llama.SamplingOptions;

/**
 * Turns a request's engine-neutral sampling and schema into llama sampler settings. Grammars are
 * cached per schema: triage sends the same schema for every mail, and building a grammar from a
 * schema costs more than the lookup.
 */
final class LocalSampling {

    /** How many recent tokens the repeat penalty looks at; llama.cpp's default. */
    private static final int REPEAT_LAST_N = 64;
    /** Summaries vary their schema per step (the citable pages); a small cache keeps the common ones. */
    private static final int CACHED_GRAMMARS = 32;

    private final Map<JsonNode, String> grammars = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<JsonNode, String> eldest) {
            return size() > CACHED_GRAMMARS;
        }
    };

    SamplingOptions options(EngineRequest request) {
        Sampling s = request.sampling();
        Optional<String> grammar = request.schema().map(this::grammar);
        return new SamplingOptions(s.temperature(), s.topK(), s.topP(), s.minP(), s.repeatPenalty(), REPEAT_LAST_N,
                s.seed(), grammar);
    }

    private synchronized String grammar(JsonNode schema) {
        return grammars.computeIfAbsent(schema, JsonSchemaGrammar::toGbnf);
    }
}
