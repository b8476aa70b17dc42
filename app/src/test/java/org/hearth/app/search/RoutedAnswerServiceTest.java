package org.hearth.app.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.hearth.app.HearthPaths;
import org.hearth.app.privacy.EgressLogs;
import org.hearth.app.privacy.FirmServerAllowed;
import org.hearth.assistant.llama.ContextOptions;
import org.hearth.assistant.route.JobClass;
import org.hearth.assistant.route.Target;
import org.hearth.assistant.route.egress.EgressEntry;
import org.hearth.fixtures.anonymise.SensitiveDocument;
import org.hearth.fixtures.anonymise.SensitiveDocuments;
import org.hearth.fixtures.openai.OpenAiServerExtension;
import org.hearth.fixtures.openai.RecordedRequest;
import org.hearth.ingest.index.DocumentSource;
import org.hearth.ui.service.Preview;
import org.hearth.ui.service.SearchService.AnswerJob;
import org.hearth.ui.service.SearchService.Hit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The window's cited answer where the policy lets answers go to the firm's server (the loopback server): the question
 * and its passages are shown anonymised before anything leaves; Send sends exactly that, every request logged; Cancel
 * sends nothing. No local model is needed for it.
 */
class RoutedAnswerServiceTest {

    private static final String MODEL = "qwen3.5-27b";
    private static final String SERVER = FirmServerAllowed.SERVER;
    private static final String QUESTION = "Bis wann ist der Betrag auf das Konto zu überweisen?";

    @RegisterExtension
    final OpenAiServerExtension openAi = new OpenAiServerExtension(MODEL);

    @TempDir
    Path dir;

    private FirmServerAllowed firm;
    private HearthPaths paths;
    private LocalSearchService service;
    private SensitiveDocument letter;

    @BeforeEach
    void indexALetterAndAllowAnswersToGoToTheFirmServer() throws Exception {
        firm = new FirmServerAllowed(JobClass.ANSWER, dir.resolve("home"), openAi.server(), MODEL, 8192);
        paths = firm.paths();
        service = new LocalSearchService(() -> SearchSetup.open(paths, Optional.empty(), 1), DocumentSource.inProcess(),
                cancelled -> {
                    throw new AssertionError("an answer written on the server needs no local model");
                }, () -> ContextOptions.defaults().withThreads(1), new SourceViewer(file -> { }, List.of(), "Linux"),
                (listener, cancellation) -> {
                    throw new AssertionError("nothing installs the search model here");
                }, Optional.of(new AnswerRouting(firm.routing(JobClass.ANSWER))));
        letter = new SensitiveDocuments(31L).generate(1).getFirst();
        Path folder = Files.createDirectories(dir.resolve("Akte"));
        Files.writeString(folder.resolve("brief.txt"), letter.text());
        IndexEnd indexing = new IndexEnd();
        service.addFolder("Akte", folder, indexing);
        assertThat(indexing.end.get(2, TimeUnit.MINUTES).indexed()).isEqualTo(1);
    }

    @AfterEach
    void close() throws Exception {
        service.close();
        firm.close();
    }

    @Test
    void send_sends_only_what_the_preview_showed_and_logs_every_request() throws Exception {
        Asked asked = new Asked();
        AnswerJob job = service.ask(QUESTION, Optional.empty(), asked);
        Preview preview = asked.preview.get(2, TimeUnit.MINUTES);

        assertThat(preview.route().target()).map(Target::name).contains(SERVER);
        assertThat(preview.outgoing().outgoing()).startsWith(QUESTION).contains("«PERSON_");
        assertThat(letter.valuesIn(preview.outgoing().outgoing())).isEmpty();
        assertThat(openAi.server().requests()).as("nothing before Send").isEmpty();

        job.send();
        AnswerJob.Answer answer = asked.end.get(2, TimeUnit.MINUTES);

        assertThat(answer.text()).isNotBlank();
        List<RecordedRequest> received = openAi.server().requests();
        assertThat(received).isNotEmpty();
        received.forEach(request -> assertThat(letter.valuesIn(request.json().toString())).isEmpty());
        List<EgressEntry> entries = EgressLogs.in(paths).entries();
        assertThat(entries).hasSize(received.size());
        for (int i = 0; i < entries.size(); i++) {
            assertThat(entries.get(i).bodySha256()).isEqualTo(HexFormat.of().formatHex(
                    MessageDigest.getInstance("SHA-256").digest(received.get(i).body())));
            assertThat(entries.get(i).jobClass()).isEqualTo("answer");
            assertThat(entries.get(i).confirmation()).isEqualTo("preview");
        }
        assertThat(asked.routedTo).containsExactly(SERVER, null);
        assertThat(firm.gate().refusals()).as("the gate was open to the server while the answer was written").isEmpty();
    }

    @Test
    void cancel_in_the_preview_sends_nothing() throws Exception {
        Asked asked = new Asked();
        AnswerJob job = service.ask(QUESTION, Optional.empty(), asked);
        asked.preview.get(2, TimeUnit.MINUTES);

        job.cancel();

        assertThatThrownBy(() -> asked.end.get(2, TimeUnit.MINUTES)).isInstanceOf(ExecutionException.class).hasMessageContaining("cancelled");
        assertThat(openAi.server().requests()).isEmpty();
        assertThat(EgressLogs.in(paths).entries()).isEmpty();
        assertThat(asked.routedTo).isEmpty();
    }


    /** One question's reports: its preview, where it ran, and its end. */
    private static final class Asked extends JobEnd<AnswerJob.Answer> implements AnswerJob.Listener {

        final CompletableFuture<Preview> preview = new CompletableFuture<>();
        final List<String> routedTo = new CopyOnWriteArrayList<>();

        @Override
        public void sources(List<Hit> sources) {
        }

        @Override
        public void preview(Preview outgoing) {
            preview.complete(outgoing);
        }

        @Override
        public void routedTo(String target) {
            routedTo.add(target);
        }

        @Override
        public void text(String piece) {
        }

        @Override
        public void done(AnswerJob.Answer answer) {
            end.complete(answer);
        }
    }
}
