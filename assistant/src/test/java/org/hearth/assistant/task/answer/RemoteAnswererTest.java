package org.hearth.assistant.task.answer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.http.HttpClient;
import java.util.List;
import java.util.Optional;
import org.hearth.assistant.engine.remote.ApiKey;
import org.hearth.assistant.engine.remote.RemoteEndpoint;
import org.hearth.assistant.engine.remote.RemoteEngine;
import org.hearth.assistant.engine.remote.RemoteEngineException;
import org.hearth.domain.Language;
import org.hearth.fixtures.openai.LoopbackOpenAiServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The answerer, unchanged, on an OpenAI-compatible server: citations come back through the schema's enum of sources. */
class RemoteAnswererTest {

    private static final String MODEL = "qwen3.5-9b-instruct";
    private static final List<Source> SOURCES = List.of(
            new Source(3, "Mietvertrag_Mueller.pdf, S. 4", "§ 4 Kündigung. Das Mietverhältnis kann mit einer Frist von drei Monaten "
                    + "zum Quartalsende gekündigt werden."),
            new Source(7, "Schreiben_Vermieter.docx, Abs. 2", "Wir kündigen das Mietverhältnis fristgerecht zum 30. September."));
    private static final String QUESTION = "Wann endet das Mietverhältnis?";

    private final HttpClient client = HttpClient.newHttpClient();
    private LoopbackOpenAiServer server;
    private Answerer answerer;

    @BeforeEach
    void start() throws IOException {
        server = LoopbackOpenAiServer.start(MODEL);
        answerer = new Answerer(new RemoteEngine(client, RemoteEndpoint.of(server.baseUri(), MODEL, 4096, 1), ApiKey.none()));
    }

    @AfterEach
    void stop() {
        server.close();
        client.close();
    }

    @Test
    void anAnswerWithACitationComesBackParsedAndStreamed() {
        server.answerWith(request -> Optional.of("""
                {"refused":false,"answer":"Das Mietverhältnis endet zum 30. September [7].",\
                "citations":[{"n":7,"quote":"fristgerecht zum 30. September"}]}"""));
        StringBuilder streamed = new StringBuilder();

        Answer answer = answerer.answer(QUESTION, SOURCES, Language.GERMAN, streamed::append, () -> false);

        assertThat(answer.refused()).isFalse();
        assertThat(answer.text()).isEqualTo("Das Mietverhältnis endet zum 30. September [7].").isEqualTo(streamed.toString());
        assertThat(answer.citations()).containsExactly(new Citation(7, "fristgerecht zum 30. September"));
        assertThat(server.requests().getFirst().json().at("/response_format/json_schema/schema/properties/citations/items/properties/n/enum"))
                .extracting(node -> node.asInt()).containsExactly(3, 7);
    }

    @Test
    void aServerThatEnforcesTheSchemaNeverLetsACitationOfAnUnknownSourceThrough() {
        server.answerWith(request -> Optional.of("""
                {"refused":false,"answer":"Siehe Quelle [99].","citations":[{"n":99,"quote":"erfunden"}]}"""));

        assertThatThrownBy(() -> answerer.answer(QUESTION, SOURCES, Language.GERMAN, piece -> { }, () -> false))
                .isInstanceOf(RemoteEngineException.class).hasMessageContaining("HTTP 400").hasMessageContaining("$.citations[0].n");
    }
}
