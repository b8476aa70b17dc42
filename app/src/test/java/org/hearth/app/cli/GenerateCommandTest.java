package org.hearth.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.hearth.assistant.grammar.JsonSchemaValidator;
import org.hearth.fixtures.gguf.BadGgufFiles;
import org.hearth.fixtures.gguf.TestModels;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code ./hearth generate} in-process, with the real libllama and the generated tiny model. */
class GenerateCommandTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @Test
    void printsGeneratedText() {
        Path model = TestModels.tinyQwen35(dir);

        CliRun run = CliRun.of("--home", dir.toString(), "generate", "--model", model.toString(),
                "--prompt", "Hallo", "--max-tokens", "8", "--threads", "1", "--json");

        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode report = read(run.out());
        assertThat(report.get("generated_tokens").asInt()).isBetween(1, 8);
        assertThat(report.get("prompt_tokens").asInt()).isPositive();
        assertThat(report.get("text").asText()).isNotNull();
    }

    @Test
    void withASchemaPrintsExactlyOneValidatingJsonDocument() throws Exception {
        Path model = TestModels.tinyQwen35(dir);
        String schema = """
                {"type":"object","properties":{
                  "category":{"type":"string","enum":["court","client","invoice","spam"]},
                  "priority":{"type":"integer","minimum":1,"maximum":5},
                  "deadline":{"type":["string","null"],"format":"date"}},
                 "required":["category","priority","deadline"]}""";
        Path schemaFile = Files.writeString(dir.resolve("triage.json"), schema);

        CliRun run = CliRun.of("--home", dir.toString(), "generate", "--model", model.toString(),
                "--prompt", "Klassifizieren Sie diese Mail", "--schema", schemaFile.toString(), "--max-tokens", "64", "--threads", "1");

        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode document = read(run.out());
        assertThat(JsonSchemaValidator.forSchema(JSON.readTree(schema)).validate(document)).isEmpty();
        assertThat(run.out().strip().lines()).hasSize(1);
    }

    @Test
    void aFileThatIsNotGgufIsASpecificError() throws Exception {
        Path notGguf = Files.writeString(dir.resolve("contract.gguf"), "Dies ist ein Vertrag, kein Modell.");

        CliRun run = CliRun.of("--home", dir.toString(), "generate", "--model", notGguf.toString(), "--prompt", "Hallo");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err().strip()).startsWith("hearth: ").contains("contract.gguf").containsIgnoringCase("not a GGUF");
        assertThat(run.err().strip().lines()).hasSize(1);
    }

    @Test
    void aTruncatedGgufIsASpecificError() throws Exception {
        Path model = TestModels.tinyQwen35(dir);
        Path cut = BadGgufFiles.truncatedCopy(model, dir.resolve("cut.gguf"), Files.size(model) / 2);

        CliRun run = CliRun.of("--home", dir.toString(), "generate", "--model", cut.toString(), "--prompt", "Hallo");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).contains("cut.gguf").containsIgnoringCase("incomplete");
    }

    @Test
    void anUnknownArchitectureIsASpecificError() throws Exception {
        Path other = BadGgufFiles.unknownArchitecture(dir);

        CliRun run = CliRun.of("--home", dir.toString(), "generate", "--model", other.toString(), "--prompt", "Hallo");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).contains(other.getFileName().toString()).contains("cannot run");
    }

    @Test
    void aModelWithoutVocabularyIsRefusedBeforeLlamaCppCouldAbort() throws Exception {
        Path noVocab = BadGgufFiles.withoutVocabulary(dir);

        CliRun run = CliRun.of("--home", dir.toString(), "generate", "--model", noVocab.toString(), "--prompt", "Hallo");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).containsIgnoringCase("vocabulary");
    }

    @Test
    void anUnknownModelNameSaysHowToFindInstalledOnes() {
        CliRun run = CliRun.of("--home", dir.toString(), "generate", "--model", "qwen9-imaginary", "--prompt", "Hallo");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).contains("qwen9-imaginary").contains("models list");
    }

    private static JsonNode read(String text) {
        try {
            return JSON.readTree(text);
        } catch (Exception e) {
            throw new AssertionError("not JSON: " + text, e);
        }
    }
}
