package org.hearth.app.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import javafx.beans.binding.ObjectBinding;
import javafx.beans.property.SimpleObjectProperty;
import javafx.scene.Scene;
import javafx.scene.layout.StackPane;
import javafx.scene.control.ListView;
import javafx.scene.text.Text;
import javafx.scene.text.TextFlow;
import javafx.stage.Stage;
import org.hearth.app.HearthPaths;
import org.hearth.app.documents.LocalSummaryService;
import org.hearth.app.documents.SummaryStore;
import org.hearth.app.estimate.SpeedBook;
import org.hearth.app.export.SummaryExportService;
import org.hearth.app.models.LocalModelService;
import org.hearth.app.settings.JsonSettingsStore;
import org.hearth.app.state.LocalState;
import org.hearth.assistant.llama.ContextOptions;
import org.hearth.assistant.model.HuggingFaceHub;
import org.hearth.assistant.route.JobClass;
import org.hearth.assistant.route.egress.EgressEntry;
import org.hearth.fixtures.anonymise.SensitiveDocument;
import org.hearth.fixtures.anonymise.SensitiveDocuments;
import org.hearth.fixtures.openai.OpenAiServerExtension;
import org.hearth.fixtures.openai.RecordedRequest;
import org.hearth.ui.common.Background;
import org.hearth.ui.common.Localization;
import org.hearth.ui.common.RunningTasks;
import org.hearth.ui.documents.DocumentItem;
import org.hearth.ui.documents.DocumentsTab;
import org.hearth.ui.service.SummaryJob.State;
import org.hearth.ui.tab.Tab;
import org.hearth.ui.tab.TabContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The Documents tab on the real services, with summaries allowed to go to the firm's server (a loopback server):
 * nothing leaves before the preview is sent; Cancel sends nothing at all; Send sends only anonymised text, every
 * request in the egress log by its body's hash, and the job counts as running there until it ends; the network gate is
 * installed, so the server is reached only through the job's permit. No local model is installed: the routed path
 * needs none.
 */
@ExtendWith(ApplicationExtension.class)
class RoutedSummaryWindowTest {

    private static final String MODEL = "qwen3.5-27b";
    private static final String SERVER = FirmServerAllowed.SERVER;

    @RegisterExtension
    final OpenAiServerExtension openAi = new OpenAiServerExtension(MODEL);

    @TempDir
    Path dir;

    private Stage stage;
    private FirmServerAllowed firm;
    private HearthPaths paths;
    private SummaryStore kept;
    private LocalModelService models;
    private LocalSummaryService summaries;
    private Tab documents;
    private SensitiveDocument letter;
    private final List<String> routedTo = new CopyOnWriteArrayList<>();
    /** Held here: a binding nobody holds is collected, and its listener goes quiet. */
    private ObjectBinding<String> runningThere;

    @Start
    void start(Stage window) {
        this.stage = window;
    }

    /** After the extensions' set-up, so the loopback server is up before the firm's server is added. */
    @BeforeEach
    void openTheDocumentsTab() throws Exception {
        firm = new FirmServerAllowed(JobClass.SUMMARY, dir.resolve("home"), openAi.server(), MODEL, 4096);
        paths = firm.paths();
        kept = new SummaryStore(LocalState.open(paths.database()));
        // A hub nobody listens on, and no model installed: nothing here may need either.
        models = new LocalModelService(paths, new JsonSettingsStore(paths.home().resolve("settings.json")),
                new HuggingFaceHub(HuggingFaceHub.defaultHttpClient(), URI.create("http://127.0.0.1:9")));
        summaries = new LocalSummaryService(models, () -> ContextOptions.defaults().withThreads(1), SpeedBook.NONE, kept,
                Optional.of(new SummaryRouting(firm.routing(JobClass.SUMMARY))));
        letter = new SensitiveDocuments(23L).generate(1).getFirst();
        WaitForAsyncUtils.asyncFx(() -> {
            RunningTasks running = new RunningTasks();
            runningThere = running.routedTo();
            runningThere.addListener((obs, old, now) -> routedTo.add(String.valueOf(now)));
            documents = DocumentsTab.of(summaries, new SummaryExportService()).open(new TabContext(running, new Background(), () -> { },
                    new SimpleObjectProperty<>(JsonSettingsStore.defaults())));
            stage.setScene(new Scene(new StackPane(documents.createView(new Localization(Locale.ENGLISH))), 1200, 800));
            stage.show();
        }).get(10, TimeUnit.SECONDS);
    }

    @AfterEach
    void close() {
        summaries.close();
        models.close();
        kept.close();
        firm.close();
    }

    @Test
    void cancel_in_the_preview_sends_nothing(FxRobot robot) throws Exception {
        Path file = dropLetter(robot);
        awaitPreview(robot);

        robot.clickOn("#preview-cancel");
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> state(robot, file) == State.CANCELLED);

        assertThat(openAi.server().requests()).isEmpty();
        assertThat(EgressLogs.in(paths).entries()).isEmpty();
        assertThat(routedTo).isEmpty();
        assertThat(firm.gate().refusals()).as("not even an attempt").isEmpty();
    }

    @Test
    void send_sends_only_what_the_preview_showed_and_logs_every_request(FxRobot robot) throws Exception {
        Path file = dropLetter(robot);
        awaitPreview(robot);
        String shown = robot.lookup("#preview-outgoing").queryAs(TextFlow.class).getChildren().stream()
                .map(node -> ((Text) node).getText()).collect(Collectors.joining());
        assertThat(shown).contains("«PERSON_1»");
        assertThat(letter.valuesIn(shown)).isEmpty();
        assertThat(openAi.server().requests()).as("nothing before Send").isEmpty();

        robot.clickOn("#preview-send");
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> state(robot, file) == State.DONE || state(robot, file) == State.FAILED);

        assertThat(state(robot, file)).isEqualTo(State.DONE);
        List<RecordedRequest> received = openAi.server().requests();
        assertThat(received).isNotEmpty();
        received.forEach(request -> assertThat(letter.valuesIn(request.json().toString())).isEmpty());
        List<EgressEntry> entries = EgressLogs.in(paths).entries();
        assertThat(entries).hasSize(received.size());
        for (int i = 0; i < entries.size(); i++) {
            assertThat(entries.get(i).bodySha256()).isEqualTo(HexFormat.of().formatHex(
                    MessageDigest.getInstance("SHA-256").digest(received.get(i).body())));
            assertThat(entries.get(i).confirmation()).isEqualTo("preview");
            assertThat(entries.get(i).target()).isEqualTo(SERVER);
        }
        assertThat(EgressLogs.in(paths).verify().intact()).isTrue();
        assertThat(routedTo).as("running there, then back to this machine").containsExactly(SERVER, "null");
        assertThat(firm.gate().refusals()).as("the gate was open to the server while the job ran").isEmpty();
    }

    @Test
    void a_policy_without_asking_sends_without_a_preview_and_logs_the_policy_as_consent(FxRobot robot) throws Exception {
        firm.store().allow(JobClass.SUMMARY, List.of(SERVER), true);
        Path file = dropLetter(robot);
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> state(robot, file) == State.DONE || state(robot, file) == State.FAILED);

        assertThat(state(robot, file)).isEqualTo(State.DONE);
        assertThat(robot.lookup("#preview-send").tryQuery()).as("no preview was shown").isEmpty();
        List<RecordedRequest> received = openAi.server().requests();
        assertThat(received).isNotEmpty();
        received.forEach(request -> assertThat(letter.valuesIn(request.json().toString())).isEmpty());
        assertThat(EgressLogs.in(paths).entries()).hasSize(received.size())
                .allSatisfy(entry -> assertThat(entry.confirmation()).isEqualTo("policy"));
        assertThat(routedTo).containsExactly(SERVER, "null");
    }

    private Path dropLetter(FxRobot robot) throws Exception {
        Path file = Files.writeString(dir.resolve("brief.txt"), letter.text());
        robot.interact(() -> documents.takeFiles(List.of(file)));
        return file;
    }

    private static void awaitPreview(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> robot.lookup("#preview-send").tryQuery().isPresent());
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** The state of the file's row in the queue. */
    private static State state(FxRobot robot, Path file) {
        return robot.lookup("#documents-queue").<ListView<DocumentItem>>query().getItems().stream()
                .filter(item -> item.file().equals(file)).findFirst().orElseThrow().getState();
    }
}
