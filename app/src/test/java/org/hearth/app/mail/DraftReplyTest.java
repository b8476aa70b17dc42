package org.hearth.app.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import org.hearth.assistant.engine.local.LocalEngine;
import org.hearth.assistant.engine.remote.ApiKey;
import org.hearth.assistant.engine.remote.RemoteEndpoint;
import org.hearth.assistant.engine.remote.RemoteEngine;
import org.hearth.assistant.llama.ContextOptions;
import org.hearth.assistant.task.reply.ReplyMail;
import org.hearth.assistant.task.reply.ReplyWriter;
import org.hearth.domain.Language;
import org.hearth.fixtures.openai.OpenAiServerExtension;
import org.hearth.ingest.document.IsolatedDocumentReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The reply use case: on the real tiny random-weight model for its structure (text streams and comes back, cancel
 * stops it), and on a scripted OpenAI-compatible server for its content (the reply is the model's, asked in the mail's
 * language with the mail fenced as data).
 */
class DraftReplyTest {

    private static final String MODEL = "qwen3.5-9b-instruct";
    private static final ReplyMail GERMAN_MAIL = new ReplyMail("Dr. Anna Berg <berg@example.de>", "Frage zum Mietvertrag",
            "Sehr geehrte Damen und Herren, darf ich meine Wohnung untervermieten, während ich im Ausland bin? "
                    + "Der Vermieter hat bisher nicht geantwortet. Mit freundlichen Grüßen, Anna Berg");

    @RegisterExtension
    static final TinyModel TINY = new TinyModel();

    @RegisterExtension
    final OpenAiServerExtension openAi = new OpenAiServerExtension(MODEL);

    @TempDir
    Path dir;

    @Test
    void the_tiny_model_writes_a_reply_that_streams_as_it_comes() throws Exception {
        List<String> pieces = new CopyOnWriteArrayList<>();

        ReplyWriter.Reply reply = new DraftReply(12).draft(GERMAN_MAIL,
                cancelled -> new LocalEngine(TINY.get(), ContextOptions.defaults().withThreads(1)), pieces::add, () -> false);

        assertThat(pieces).isNotEmpty();
        assertThat(reply.text()).isEqualTo(String.join("", pieces).strip());
        assertThat(reply.language()).isEqualTo(Language.GERMAN);
        assertThat(reply.usage().generatedTokens()).isBetween(1L, 12L);
    }

    @Test
    void cancel_stops_the_reply_while_it_is_written() {
        AtomicBoolean cancelled = new AtomicBoolean();
        List<String> pieces = new CopyOnWriteArrayList<>();

        assertThatThrownBy(() -> new DraftReply(400).draft(GERMAN_MAIL,
                c -> new LocalEngine(TINY.get(), ContextOptions.defaults().withThreads(1)), piece -> {
                    pieces.add(piece);
                    cancelled.set(true);
                }, cancelled::get)).isInstanceOf(CancellationException.class);
        assertThat(pieces).as("stopped right after the first piece, not at the 400-token limit").hasSizeBetween(1, 3);
    }

    @Test
    void the_servers_reply_comes_back_asked_in_the_mails_language() throws Exception {
        String scripted = "Sehr geehrte Frau Dr. Berg,\n\neine Untervermietung bedarf der Erlaubnis des Vermieters. "
                + "[Frist ergänzen]\n\nMit freundlichen Grüßen";
        openAi.server().script(scripted);

        ReplyWriter.Reply reply = new DraftReply().draft(GERMAN_MAIL, cancelled -> remote(), piece -> { }, () -> false);

        assertThat(reply.text()).isEqualTo(scripted);
        assertThat(reply.cutOff()).isFalse();
        JsonNode request = openAi.server().requests().getFirst().json();
        assertThat(request.at("/messages/0/content").asText()).startsWith("Sie entwerfen Antworten auf E-Mails");
        assertThat(request.at("/messages/1/content").asText())
                .contains("<mail>", "Von: Dr. Anna Berg <berg@example.de>", "Betreff: Frage zum Mietvertrag",
                        "darf ich meine Wohnung untervermieten", "</mail>");
    }

    @Test
    void a_saved_eml_is_answered_from_its_headers_and_text_in_english() throws Exception {
        Path eml = Files.writeString(dir.resolve("question.eml"), """
                From: John Miller <john@example.com>
                To: office@example-firm.de
                Subject: Lease question
                Date: Mon, 12 Jan 2026 09:00:00 +0100
                MIME-Version: 1.0
                Content-Type: text/plain; charset=UTF-8

                Dear Sir or Madam, may I sublet my flat while I am abroad? My landlord has not answered yet.
                Kind regards, John Miller
                """.replace("\n", "\r\n"));
        openAi.server().script("Dear Mr Miller,\n\nthank you for your message.\n\nKind regards");

        ReplyWriter.Reply reply;
        try (IsolatedDocumentReader reader = new IsolatedDocumentReader(IsolatedDocumentReader.Limits.defaults())) {
            ReplyMail mail = DraftReply.ofEml(reader, eml, () -> false);
            assertThat(mail.from()).isEqualTo("John Miller <john@example.com>");
            assertThat(mail.subject()).isEqualTo("Lease question");
            reply = new DraftReply().draft(mail, cancelled -> remote(), piece -> { }, () -> false);
        }

        assertThat(reply.text()).startsWith("Dear Mr Miller,");
        assertThat(reply.language()).isEqualTo(Language.ENGLISH);
        JsonNode request = openAi.server().requests().getFirst().json();
        assertThat(request.at("/messages/0/content").asText()).startsWith("You draft replies to e-mails");
        assertThat(request.at("/messages/1/content").asText()).contains("Subject: Lease question", "may I sublet my flat")
                .doesNotContain("Date: Mon");
    }

    private RemoteEngine remote() {
        return new RemoteEngine(openAi.client(), RemoteEndpoint.of(openAi.server().baseUri(), MODEL, 4096, 1), ApiKey.none());
    }
}
