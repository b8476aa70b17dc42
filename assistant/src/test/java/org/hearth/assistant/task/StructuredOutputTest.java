package org.hearth.assistant.task;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.hearth.assistant.grammar.JsonSchemaValidator;
import org.hearth.assistant.engine.Completion;
import org.hearth.assistant.engine.EngineRequest;
import org.hearth.assistant.engine.FinishReason;
import org.hearth.assistant.engine.Sampling;
import org.hearth.assistant.engine.TextListener;
import org.hearth.assistant.engine.local.LocalEngine;
import org.hearth.assistant.llama.ContextOptions;
import org.hearth.assistant.llama.LlamaModel;
import org.hearth.assistant.testing.SharedTinyModel;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A random-weight model under a schema's grammar can only write documents of that schema. The
 * sampling temperature is high and the seeds vary, so the model wanders through the grammar.
 */
class StructuredOutputTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static final LlamaModel model = SharedTinyModel.get();

    private static final LocalEngine engine = new LocalEngine(model, ContextOptions.defaults().withThreads(1));

    @ParameterizedTest
    @ValueSource(strings = {
            // a string enum
            """
            {"type":"string","enum":["Gericht","Mandant","Rechnung","Spam"]}""",
            // a nested object with an integer range and a boolean
            """
            {"type":"object","properties":{
              "sender":{"type":"object","properties":{"name":{"type":"string","maxLength":12},
                                                      "court":{"type":"boolean"}},"required":["name","court"]},
              "priority":{"type":"integer","minimum":1,"maximum":5}},
             "required":["sender","priority"]}""",
            // an array of objects with a date
            """
            {"type":"object","properties":{
              "deadlines":{"type":"array","maxItems":3,"items":{"type":"object","properties":{
                 "date":{"type":"string","format":"date"},"what":{"type":"string","maxLength":10}},"required":["date","what"]}}},
             "required":["deadlines"]}""",
            // nullable fields and a number
            """
            {"type":"object","properties":{
              "file_number":{"type":["string","null"],"maxLength":12},
              "amount":{"type":["number","null"]}},
             "required":["file_number","amount"]}"""
    })
    void everyAnswerParsesAndValidates(String schemaText) throws Exception {
        JsonNode schema = JSON.readTree(schemaText);
        StructuredOutput output = StructuredOutput.fromSchema(schema);
        for (int seed = 1; seed <= 3; seed++) {
            Sampling sampling = Sampling.defaults().withTemperature(1.0f).withSeed(seed);
            Completion result = engine.complete(null, EngineRequest.structured("Antworten Sie als JSON.", output.schema(), sampling, 400),
                    TextListener.ignore(), () -> false);

            assertThat(result.finishReason()).as("seed %d: %s", seed, result.text()).isEqualTo(FinishReason.END);
            JsonNode document = output.parseAndValidate(result);
            assertThat(JsonSchemaValidator.forSchema(schema).validate(document)).isEmpty();
        }
    }

    @org.junit.jupiter.api.Test
    void anAnswerCutOffByTheTokenLimitIsRefusedNotReturned() throws Exception {
        StructuredOutput output = StructuredOutput.fromSchema(JSON.readTree(
                "{\"type\":\"object\",\"properties\":{\"summary\":{\"type\":\"string\",\"minLength\":50,\"maxLength\":60}},\"required\":[\"summary\"]}"));
        Completion result = engine.complete(null, EngineRequest.structured("Fassen Sie zusammen.", output.schema(), Sampling.greedy(), 10),
                TextListener.ignore(), () -> false);

        assertThat(result.finishReason()).isEqualTo(FinishReason.MAX_TOKENS);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> output.parseAndValidate(result))
                .isInstanceOf(StructuredOutput.InvalidStructuredOutputException.class)
                .hasMessageContaining("cut off");
    }
}
