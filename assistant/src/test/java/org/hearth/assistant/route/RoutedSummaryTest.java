package org.hearth.assistant.route;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.hearth.assistant.engine.EngineException;
import org.hearth.assistant.engine.EngineRequest;
import org.hearth.assistant.engine.Sampling;
import org.hearth.assistant.engine.remote.ApiKey;
import org.hearth.assistant.engine.remote.RemoteEndpoint;
import org.hearth.assistant.engine.remote.RemoteEngine;
import org.hearth.assistant.route.anonymise.Anonymiser;
import org.hearth.assistant.route.anonymise.Placeholders;
import org.hearth.assistant.route.egress.EgressEntry;
import org.hearth.assistant.route.egress.EgressLog;
import org.hearth.assistant.task.summary.Passage;
import org.hearth.assistant.task.summary.Summarizer;
import org.hearth.assistant.task.summary.SummaryListener;
import org.hearth.assistant.task.summary.SummaryRequest;
import org.hearth.assistant.task.summary.SummaryStyle;
import org.hearth.domain.Locator;
import org.hearth.fixtures.anonymise.SensitiveDocument;
import org.hearth.fixtures.anonymise.SensitiveDocuments;
import org.hearth.fixtures.anonymise.SensitiveValue;
import org.hearth.fixtures.openai.OpenAiServerExtension;
import org.hearth.fixtures.openai.RecordedRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * A summary routed to the firm's server (the loopback server stands in for it): what the server receives holds no
 * client value, every request is in the egress log with the hash of its exact body, and the log verifies until one
 * byte of it changes.
 */
class RoutedSummaryTest {

    private static final String MODEL = "qwen3.5-27b";

    @RegisterExtension
    final OpenAiServerExtension openAi = new OpenAiServerExtension(MODEL);

    @TempDir
    Path audit;

    private final Placeholders placeholders = new Placeholders();

    private AnonymisingEngine routedEngine(EgressLog log, Route route) {
        RemoteEngine remote = new RemoteEngine(openAi.client(), RemoteEndpoint.of(openAi.server().baseUri(), MODEL, 2048, 1),
                ApiKey.none(), new EgressRecorder(log, JobClass.SUMMARY, route, "preview", placeholders, false));
        return new AnonymisingEngine(remote, new Anonymiser(placeholders, List.of(), Optional.empty()));
    }

    private Route firmRoute(long tokens) {
        Target firm = new Target("Kanzlei-Server", TargetKind.FIRM, openAi.server().baseUri(), MODEL, 2048, true,
                Optional.empty(), Optional.empty());
        Route route = Router.decide(List.of(firm), tokens, 512, false);
        assertThat(route.target()).contains(firm);
        return route;
    }

    @Test
    void aRoutedSummarySendsNoClientValueAndLogsEveryRequestByTheHashOfItsBody() throws Exception {
        List<SensitiveDocument> letters = new SensitiveDocuments(7L).generate(6);
        List<Passage> pages = new ArrayList<>();
        List<SensitiveValue> values = new ArrayList<>();
        for (SensitiveDocument letter : letters) {
            pages.add(new Passage(letter.text(), Locator.page(pages.size() + 1)));
            values.addAll(letter.values());
        }
        EgressLog log = new EgressLog(audit, Clock.systemUTC());

        new Summarizer(routedEngine(log, firmRoute(6_000))).summarize(new SummaryRequest("Akte", pages, SummaryStyle.KEY_POINTS,
                Optional.empty()), SummaryListener.none(), () -> false);

        List<RecordedRequest> received = openAi.server().requests();
        assertThat(received).isNotEmpty();
        for (RecordedRequest request : received) {
            String body = request.json().toString().toLowerCase(Locale.ROOT);
            for (SensitiveValue value : values) {
                assertThat(body).as("%s sent to the server", value.kind()).doesNotContain(value.value().toLowerCase(Locale.ROOT));
            }
        }
        List<EgressEntry> entries = log.entries();
        assertThat(entries).hasSize(received.size());
        for (int i = 0; i < received.size(); i++) {
            assertThat(entries.get(i).bodySha256()).isEqualTo(sha256(received.get(i).body()));
            assertThat(entries.get(i).bytes()).isEqualTo(received.get(i).body().length);
            assertThat(entries.get(i).target()).isEqualTo("Kanzlei-Server");
            assertThat(entries.get(i).jobClass()).isEqualTo("summary");
        }
        assertThat(entries.getLast().placeholders()).containsKeys("PERSON", "IBAN", "ADDRESS");
        assertThat(log.verify().intact()).isTrue();

        byte[] bytes = Files.readAllBytes(log.file());
        int digit = new String(bytes, StandardCharsets.UTF_8).indexOf("\"bytes\":") + 8;
        bytes[digit] = (byte) (bytes[digit] == '9' ? '8' : bytes[digit] + 1);
        Files.write(log.file(), bytes);
        assertThat(log.verify().intact()).isFalse();
    }

    @Test
    void theAnswerComesBackWithTheRealNamesAsItStreams() throws Exception {
        EgressLog log = new EgressLog(audit, Clock.systemUTC());
        AnonymisingEngine engine = routedEngine(log, firmRoute(100));
        openAi.server().script("«PERSON_1» verlangt von «ORG_1» die Zahlung.");
        List<String> pieces = new ArrayList<>();

        var completion = engine.complete("Du bist ein Assistent.", EngineRequest.text(
                "Fasse zusammen: Herr Klaus Weber verlangt von der Nordlicht Logistik GmbH die Zahlung.", Sampling.greedy(), 64),
                pieces::add, () -> false);

        assertThat(openAi.server().requests().getFirst().bodyText()).doesNotContain("Weber", "Nordlicht")
                .contains("«PERSON_1»", "«ORG_1»");
        assertThat(completion.text()).isEqualTo("Klaus Weber verlangt von Nordlicht Logistik GmbH die Zahlung.");
        assertThat(String.join("", pieces)).isEqualTo(completion.text());
    }

    @Test
    void anAnswerWithAPlaceholderNobodyIssuedStopsTheJob() {
        AnonymisingEngine engine = routedEngine(new EgressLog(audit, Clock.systemUTC()), firmRoute(100));
        openAi.server().script("«PERSON_9» hat angerufen.");

        assertThatThrownBy(() -> engine.complete(null, EngineRequest.text("Frau Anna Berg rief an.", Sampling.greedy(), 32),
                piece -> { }, () -> false)).isInstanceOf(EngineException.class).hasMessageContaining("never issued");
    }

    @Test
    void aRequestTheLogCannotTakeIsNotSent() throws Exception {
        Path notAFolder = Files.writeString(audit.resolve("file"), "x");
        AnonymisingEngine engine = routedEngine(new EgressLog(notAFolder, Clock.systemUTC()), firmRoute(100));

        assertThatThrownBy(() -> engine.complete(null, EngineRequest.text("Hallo", Sampling.greedy(), 8), piece -> { }, () -> false))
                .isInstanceOf(EngineException.class).hasMessageContaining("nothing was sent");
        assertThat(openAi.server().requests()).isEmpty();
    }

    private static String sha256(byte[] body) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body));
    }
}
