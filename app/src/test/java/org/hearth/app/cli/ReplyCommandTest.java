package org.hearth.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.hearth.fixtures.gguf.TestModels;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code ./hearth reply} in-process with the bounded reader and the real libllama on the tiny random model. */
class ReplyCommandTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @Test
    void a_saved_eml_gets_a_reply_as_one_json_document() throws Exception {
        Path eml = Files.writeString(dir.resolve("question.eml"), """
                From: John Miller <john@example.com>
                To: office@example-firm.de
                Subject: Lease question
                MIME-Version: 1.0
                Content-Type: text/plain; charset=UTF-8

                Dear Sir or Madam, may I sublet my flat while I am abroad? My landlord has not answered yet.
                """.replace("\n", "\r\n"));

        CliRun run = CliRun.in(dir.resolve("home"), "reply", "--eml", eml.toString(),
                "--model", TestModels.tinyQwen35(dir).toString(), "--threads", "1", "--json");

        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode root = JSON.readTree(run.out());
        assertThat(root.at("/mail/source").asText()).isEqualTo(eml.toString());
        assertThat(root.at("/mail/from").asText()).isEqualTo("John Miller <john@example.com>");
        assertThat(root.at("/mail/subject").asText()).isEqualTo("Lease question");
        assertThat(root.get("reply").isTextual()).isTrue();
        assertThat(root.get("language").asText()).isEqualTo("en");
    }

    @Test
    void an_unknown_account_is_named_in_one_line_and_stdout_stays_empty() {
        CliRun run = CliRun.in(dir.resolve("home"), "reply", "--account", "Kanzlei", "--uid", "42",
                "--model", TestModels.tinyQwen35(dir).toString(), "--json");

        assertThat(run.exitCode()).isNotZero();
        assertThat(run.out()).isEmpty();
        assertThat(run.err().strip()).startsWith("hearth: ").contains("no saved account called Kanzlei").doesNotContain("\n");
    }

    @Test
    void a_mail_is_either_a_stored_one_or_an_eml_file() {
        CliRun run = CliRun.in(dir.resolve("home"), "reply", "--account", "Kanzlei", "--uid", "42", "--eml", "x.eml", "--json");

        assertThat(run.exitCode()).isNotZero();
        assertThat(run.out()).isEmpty();
        assertThat(run.err().strip()).startsWith("hearth: ").contains("expected only one match").doesNotContain("\n");
    }
}
