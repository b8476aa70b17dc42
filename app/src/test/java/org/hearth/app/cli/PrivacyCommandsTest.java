package org.hearth.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import org.hearth.app.HearthPaths;
import org.hearth.app.privacy.EgressLogs;
import org.hearth.assistant.route.egress.EgressLog;
import org.hearth.assistant.route.egress.EgressRequest;
import org.hearth.fixtures.anonymise.SensitiveDocument;
import org.hearth.fixtures.anonymise.SensitiveDocuments;
import org.hearth.fixtures.anonymise.SensitiveValue;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** `hearth anonymize` shows what would leave without sending it; `hearth audit` lists, checks and exports the log. */
class PrivacyCommandsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @Test
    void anonymizeReplacesEveryValueRestoresTheTextAndReportsABrokenFileOnItsOwn() throws Exception {
        SensitiveDocument letter = new SensitiveDocuments(11L).generate(1).getFirst();
        Path text = Files.writeString(dir.resolve("brief.txt"), letter.text());
        Path mail = Files.writeString(dir.resolve("rueckruf.eml"), """
                From: Klaus Weber <k.weber@weber-partner.de>
                To: Anna Berg <anna.berg@example.org>
                Subject: Rueckruf
                Content-Type: text/plain; charset=UTF-8

                Hallo Anna, Klaus Weber bittet um Rueckruf. Weber ist bis 18 Uhr erreichbar.
                """.replace("\n", "\r\n"));
        Path broken = Files.write(dir.resolve("kaputt.pdf"), "%PDF-1.7 not really".getBytes(StandardCharsets.US_ASCII));

        CliRun run = CliRun.of("--home", dir.resolve("home").toString(), "anonymize", "--json",
                text.toString(), mail.toString(), broken.toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.err()).isEmpty();
        JsonNode files = JSON.readTree(run.out()).get("files");
        assertThat(files).hasSize(3);
        JsonNode first = files.get(0);
        assertThat(first.get("status").asText()).isEqualTo("ok");
        for (SensitiveValue value : letter.values()) {
            assertThat(first.get("outgoing").asText().toLowerCase(Locale.ROOT)).doesNotContain(value.value().toLowerCase(Locale.ROOT));
        }
        assertThat(first.get("restored").asText().strip()).isEqualTo(letter.text().strip());
        assertThat(first.get("entities")).anySatisfy(entity -> {
            assertThat(entity.get("type").asText()).isEqualTo("IBAN");
            assertThat(entity.get("placeholder").asText()).isEqualTo("«IBAN_1»");
            assertThat(entity.get("count").asInt()).isEqualTo(1);
        });
        JsonNode second = files.get(1);
        assertThat(second.get("outgoing").asText()).doesNotContain("Weber").contains("«PERSON_1» bittet", "«PERSON_1» ist bis");
        assertThat(files.get(2).get("status").asText()).isEqualTo("error");
        assertThat(files.get(2).get("error").asText()).isNotBlank();
    }

    @Test
    void withTheModelPassTheLocalModelAddsOnlyNamesThatStandInTheFileAndTheTextStillComesBackWhole() throws Exception {
        SensitiveDocument letter = new SensitiveDocuments(12L).generate(1).getFirst();
        Path text = Files.writeString(dir.resolve("brief.txt"), letter.text());

        CliRun run = CliRun.of("--home", dir.resolve("home").toString(), "anonymize", "--with-model", "--model",
                org.hearth.fixtures.gguf.TestModels.tinyQwen35(dir).toString(), "--threads", "1", "--json", text.toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode file = JSON.readTree(run.out()).get("files").get(0);
        assertThat(file.get("status").asText()).isEqualTo("ok");
        for (SensitiveValue value : letter.values()) {
            assertThat(file.get("outgoing").asText().toLowerCase(Locale.ROOT)).doesNotContain(value.value().toLowerCase(Locale.ROOT));
        }
        assertThat(file.get("restored").asText().strip()).isEqualTo(letter.text().strip());
    }

    @Test
    void auditVerifyPassesOnTheLogAndFailsNamingTheLineAfterOneByteChanged() throws Exception {
        Path home = dir.resolve("home");
        EgressLog log = EgressLogs.in(HearthPaths.resolve(home));
        for (int i = 0; i < 3; i++) {
            log.record(new EgressRequest("summary", "Kanzlei-Server", "10.0.0.5:8080", "opted in", Map.of("PERSON", 2), "cli --yes", false),
                    ("{\"n\":" + i + "}").getBytes(StandardCharsets.UTF_8));
        }

        CliRun intact = CliRun.of("--home", home.toString(), "audit", "verify", "--json");
        CliRun listed = CliRun.of("--home", home.toString(), "audit", "list", "--json");
        Path export = dir.resolve("export.json");
        CliRun exported = CliRun.of("--home", home.toString(), "audit", "export", "--out", export.toString());

        assertThat(intact.exitCode()).isZero();
        assertThat(JSON.readTree(intact.out()).get("intact").asBoolean()).isTrue();
        assertThat(JSON.readTree(listed.out())).hasSize(3).allSatisfy(entry -> assertThat(entry.get("target").asText()).isEqualTo("Kanzlei-Server"));
        assertThat(exported.exitCode()).isZero();
        assertThat(JSON.readTree(export.toFile()).get("entries")).hasSize(3);

        byte[] bytes = Files.readAllBytes(log.file());
        int at = new String(bytes, StandardCharsets.UTF_8).lastIndexOf("Kanzlei-Server") + 1;
        bytes[at] = 'A';
        Files.write(log.file(), bytes);
        CliRun changed = CliRun.of("--home", home.toString(), "audit", "verify", "--json");

        assertThat(changed.exitCode()).isEqualTo(1);
        JsonNode verdict = JSON.readTree(changed.out());
        assertThat(verdict.get("intact").asBoolean()).isFalse();
        assertThat(verdict.get("line").asInt()).isEqualTo(3);
    }
}
