package org.hearth.assistant.task.triage;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.hearth.assistant.engine.remote.ApiKey;
import org.hearth.assistant.engine.remote.RemoteEndpoint;
import org.hearth.assistant.engine.remote.RemoteEngine;
import org.hearth.domain.Language;
import org.hearth.fixtures.openai.OpenAiServerExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The triager, unchanged, on an OpenAI-compatible server: its mails go out as concurrent requests carrying its schema. */
class RemoteTriagerTest {

    private static final String MODEL = "qwen3.5-9b-instruct";


    @RegisterExtension
    final OpenAiServerExtension openAi = new OpenAiServerExtension(MODEL);

    @Test
    void twoMailsAreTriagedConcurrentlyWithSchemaValidAnswers() {
        List<TriageMail> mails = TriagerTest.mails(2);
        openAi.server().gather(2, Duration.ofSeconds(20));
        RemoteEngine engine = new RemoteEngine(openAi.client(), RemoteEndpoint.of(openAi.server().baseUri(), MODEL, 4096, 2), ApiKey.none());

        try (Triager triager = new Triager(engine, Language.GERMAN)) {
            List<TriageOutcome> outcomes = triager.triage(mails, List.of(), TriageListener.ignore(), () -> false);

            assertThat(TriagerTest.uids(outcomes)).containsExactly("100", "101");
            assertThat(outcomes).allSatisfy(outcome -> {
                assertThat(outcome.error()).as("error of %s", outcome.uid()).isEmpty();
                TriageResult result = outcome.result().orElseThrow();
                // the loopback server's smallest valid instance: first enum value, minimum priority
                assertThat(result.category()).isEqualTo(TriageCategory.CLIENT_REQUEST);
                assertThat(result.priority()).isEqualTo(1);
            });
            assertThat(triager.stats().mails()).isEqualTo(2);
            assertThat(triager.stats().decodes()).as("one HTTP request per mail").isEqualTo(2);
        }
        assertThat(openAi.server().mostConcurrentRequests()).isEqualTo(2);
        assertThat(openAi.server().requests()).hasSize(2).allSatisfy(request ->
                assertThat(request.json().at("/response_format/json_schema/schema")).isEqualTo(TriageSchema.schema()));
    }
}
