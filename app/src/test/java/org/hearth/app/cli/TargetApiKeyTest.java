package org.hearth.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;
import org.hearth.app.secrets.FakeTools;
import org.hearth.fixtures.anonymise.SensitiveDocuments;
import org.hearth.fixtures.openai.OpenAiServerExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * `targets add --api-key-env` as a user runs it, in a child JVM with the system keychain (a stand-in `secret-tool`
 * on the PATH): the key reaches the keychain and the server's Authorization header, and no file of the data folder,
 * no argument and no output holds it.
 */
@DisabledOnOs(OS.WINDOWS)
class TargetApiKeyTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String MODEL = "qwen3.5-27b";
    private static final String KEY = "sk-firm-7f3a9c";

    @RegisterExtension
    final OpenAiServerExtension openAi = new OpenAiServerExtension(MODEL);

    @TempDir
    Path dir;

    private Map<String, String> environment;

    @BeforeEach
    void keychain() throws Exception {
        Path keychain = Files.createDirectories(dir.resolve("keychain"));
        FakeTools.secretTool(keychain);
        environment = Map.of("PATH", keychain + ":" + System.getenv("PATH"), "FIRM_KEY", KEY);
        openAi.server().requireApiKey(KEY);
    }

    private CliRun hearth(String... args) throws Exception {
        String[] all = Stream.concat(Stream.of("--home", dir.resolve("home").toString()), Stream.of(args)).toArray(String[]::new);
        return CliProcess.run(dir, environment, all);
    }

    @Test
    void theKeyGoesFromTheEnvironmentToTheKeychainAndToTheServerAndNowhereElse() throws Exception {
        Path letter = Files.writeString(dir.resolve("brief.txt"), new SensitiveDocuments(41L).generate(1).getFirst().text());

        CliRun added = hearth("targets", "add", "Kanzlei-Server", "--kind", "firm", "--url", openAi.server().baseUri().toString(),
                "--model", MODEL, "--context", "4096", "--api-key-env", "FIRM_KEY");
        CliRun summarised = hearth("summarize", "--target", "Kanzlei-Server", "--yes", "--json", letter.toString());

        assertThat(added.exitCode()).as(added.err()).isZero();
        assertThat(summarised.exitCode()).as(summarised.err()).isZero();
        assertThat(JSON.readTree(summarised.out()).get("files").get(0).get("status").asText()).isEqualTo("ok");
        assertThat(openAi.server().requests()).isNotEmpty().allSatisfy(request -> assertThat(request.authorization()).isTrue());
        try (Stream<Path> files = Files.list(dir.resolve("keychain"))) {
            assertThat(files.filter(file -> file.getFileName().toString().startsWith("item."))
                    .map(file -> readQuietly(file).strip())).containsExactly(KEY);
        }
        try (Stream<Path> files = Files.walk(dir.resolve("home"))) {
            assertThat(files.filter(Files::isRegularFile)).allSatisfy(file ->
                    assertThat(new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1)).as(file.toString())
                            .doesNotContain(KEY));
        }
        assertThat(readQuietly(dir.resolve("keychain").resolve("argv.log"))).doesNotContain(KEY);
        assertThat(added.out() + added.err() + summarised.out() + summarised.err()).doesNotContain(KEY);
    }

    private static String readQuietly(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
