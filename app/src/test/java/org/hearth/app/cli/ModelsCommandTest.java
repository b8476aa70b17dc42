package org.hearth.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.hearth.assistant.model.ModelCatalog;
import org.hearth.fixtures.gguf.BadGgufFiles;
import org.hearth.fixtures.gguf.TestModels;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelsCommandTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private Path home() {
        return dir.resolve("home");
    }

    @Test
    void importCopiesAValidModelAndListShowsItInstalled() throws Exception {
        Path model = TestModels.tinyQwen35(dir);

        CliRun imported = CliRun.of("--home", home().toString(), "models", "import", model.toString(), "--json");
        CliRun listed = CliRun.of("--home", home().toString(), "models", "list", "--json");

        assertThat(imported.exitCode()).as(imported.err()).isZero();
        assertThat(home().resolve("models").resolve(model.getFileName())).exists();
        assertThat(model).exists();
        JsonNode rows = JSON.readTree(listed.out()).get("models");
        assertThat(rows).hasSize(ModelCatalog.all().size() + 1);
        assertThat(rows.findValuesAsText("name")).contains(model.getFileName().toString(), ModelCatalog.embeddingModel().id());
        assertThat(rows.get(rows.size() - 1).get("installed").asBoolean()).isTrue();
    }

    @Test
    void importRefusesAFileThatIsNotARunnableModel() throws Exception {
        Path other = BadGgufFiles.unknownArchitecture(dir);

        CliRun run = CliRun.of("--home", home().toString(), "models", "import", other.toString());

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).contains("cannot run");
        assertThat(home().resolve("models").resolve(other.getFileName())).doesNotExist();
    }

    @Test
    void verifyReportsEachInstalledFile() throws Exception {
        Path models = Files.createDirectories(home().resolve("models"));
        Files.copy(TestModels.tinyQwen35(dir), models.resolve("good.gguf"));
        BadGgufFiles.truncatedCopy(TestModels.tinyQwen35(dir), models.resolve("broken.gguf"), 4096);

        CliRun run = CliRun.of("--home", home().toString(), "models", "verify", "--json");

        assertThat(run.exitCode()).isEqualTo(1);
        JsonNode rows = JSON.readTree(run.out()).get("models");
        assertThat(rows).hasSize(2);
        JsonNode broken = rows.get(0);
        JsonNode good = rows.get(1);
        assertThat(broken.get("status").asText()).isEqualTo("error");
        assertThat(broken.get("error").asText()).contains("broken.gguf").contains("incomplete");
        assertThat(good.get("status").asText()).isEqualTo("ok");
        assertThat(good.get("architecture").asText()).isEqualTo("qwen35");
    }

    @Test
    void recommendNamesACatalogModelAndGivesTheReason() throws Exception {
        CliRun run = CliRun.of("--home", home().toString(), "models", "recommend", "--json");

        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode recommendation = JSON.readTree(run.out());
        assertThat(ModelCatalog.find(recommendation.get("name").asText())).isPresent();
        assertThat(recommendation.get("reason").asText()).contains("GB");
    }

    @Test
    void pullingAnUnknownNameFailsBeforeAnyNetworkAccess() {
        CliRun run = CliRun.of("--home", home().toString(), "models", "pull", "qwen-imaginary");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).contains("qwen-imaginary").contains("models list");
    }
}
