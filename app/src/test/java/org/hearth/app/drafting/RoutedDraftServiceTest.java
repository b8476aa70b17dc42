package org.hearth.app.drafting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.hearth.app.privacy.EgressLogs;
import org.hearth.app.privacy.FirmServerAllowed;
import org.hearth.assistant.llama.ContextOptions;
import org.hearth.assistant.route.JobClass;
import org.hearth.assistant.route.Target;
import org.hearth.assistant.task.draft.FieldProposal;
import org.hearth.fixtures.documents.TestTemplates;
import org.hearth.fixtures.openai.OpenAiServerExtension;
import org.hearth.ui.service.DraftingService.DraftJob;
import org.hearth.ui.service.Preview;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Drafts tab's draft where the policy lets drafts go to the firm's server (the loopback server): the sources are
 * shown anonymised before anything leaves; Send fills the fields there, every request logged, the quote still
 * checked against the real source; Cancel sends nothing. No local model is needed for it.
 */
class RoutedDraftServiceTest {

    private static final String MODEL = "qwen3.5-27b";
    private static final String SERVER = FirmServerAllowed.SERVER;

    @RegisterExtension
    final OpenAiServerExtension openAi = new OpenAiServerExtension(MODEL);

    @TempDir
    Path dir;

    private FirmServerAllowed firm;
    private LocalDraftingService service;
    private Path template;
    private Path source;

    @BeforeEach
    void allowDraftsToGoToTheFirmServer() throws Exception {
        firm = new FirmServerAllowed(JobClass.DRAFT, dir.resolve("home"), openAi.server(), MODEL, 4096);
        service = new LocalDraftingService(cancelled -> {
            throw new AssertionError("a draft filled on the server needs no local model");
        }, () -> ContextOptions.defaults().withThreads(1),
                Optional.of(new DraftRouting(firm.routing(JobClass.DRAFT))));
        ServerReadingPlaceholders.answerTheClientField(openAi.server());
        template = TestTemplates.letter(dir);
        source = Files.writeString(dir.resolve("Klage.txt"), ServerReadingPlaceholders.FACTS);
    }

    @AfterEach
    void close() {
        service.close();
        firm.close();
    }

    @Test
    void send_fills_the_fields_there_from_anonymised_passages_and_the_quote_is_checked_against_the_source() throws Exception {
        Drafted drafted = new Drafted();
        DraftJob job = service.propose(template, List.of(source), drafted);
        Preview preview = drafted.preview.get(2, TimeUnit.MINUTES);

        assertThat(preview.route().target()).map(Target::name).contains(SERVER);
        assertThat(preview.outgoing().outgoing()).contains("[1] Klage.txt")
                .doesNotContain(ServerReadingPlaceholders.CLIENT, ServerReadingPlaceholders.OPPONENT, ServerReadingPlaceholders.CASE);
        assertThat(openAi.server().requests()).as("nothing before Send").isEmpty();

        job.send();
        List<DraftJob.Field> fields = drafted.fields.get(2, TimeUnit.MINUTES);

        assertThat(fields).filteredOn(field -> field.name().equals(TestTemplates.CLIENT)).singleElement().satisfies(client -> {
            assertThat(client.status()).isEqualTo(FieldProposal.Status.FILLED);
            assertThat(client.value()).isEqualTo(ServerReadingPlaceholders.CLIENT);
            assertThat(client.evidence()).hasValueSatisfying(evidence -> assertThat(evidence.verified()).isTrue());
        });
        assertThat(openAi.server().requests()).isNotEmpty().allSatisfy(request -> assertThat(request.json().toString())
                .doesNotContain(ServerReadingPlaceholders.CLIENT, ServerReadingPlaceholders.OPPONENT, ServerReadingPlaceholders.CASE));
        assertThat(EgressLogs.in(firm.paths()).entries()).hasSize(openAi.server().requests().size())
                .allSatisfy(entry -> assertThat(entry.confirmation()).isEqualTo("preview"));
        assertThat(drafted.routedTo).containsExactly(SERVER, null);
        assertThat(firm.gate().refusals()).isEmpty();
    }

    @Test
    void cancel_in_the_preview_sends_nothing() throws Exception {
        Drafted drafted = new Drafted();
        DraftJob job = service.propose(template, List.of(source), drafted);
        drafted.preview.get(2, TimeUnit.MINUTES);

        job.cancel();

        assertThatThrownBy(() -> drafted.fields.get(2, TimeUnit.MINUTES)).isInstanceOf(ExecutionException.class).hasMessageContaining("cancelled");
        assertThat(openAi.server().requests()).isEmpty();
        assertThat(EgressLogs.in(firm.paths()).entries()).isEmpty();
        assertThat(drafted.routedTo).isEmpty();
    }

    /** One draft's reports: its preview, where it ran, and its end. */
    private static final class Drafted implements DraftJob.Listener {

        final CompletableFuture<Preview> preview = new CompletableFuture<>();
        final CompletableFuture<List<DraftJob.Field>> fields = new CompletableFuture<>();
        final List<String> routedTo = new CopyOnWriteArrayList<>();

        @Override
        public void progress(DraftJob.Stage stage, String file, int done, int total) {
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
        public void done(List<DraftJob.Field> proposed) {
            fields.complete(proposed);
        }

        @Override
        public void failed(DraftJob.Failure failure) {
            fields.completeExceptionally(new AssertionError(failure.reason() + ": " + failure.detail()));
        }

        @Override
        public void cancelled() {
            fields.completeExceptionally(new AssertionError("cancelled"));
        }
    }
}
