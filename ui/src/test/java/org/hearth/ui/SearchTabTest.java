package org.hearth.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hearth.ui.DocumentsWindowTest.text;
import static org.hearth.ui.DocumentsWindowTest.visible;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Labeled;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressBar;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.scene.text.Text;
import javafx.scene.text.TextFlow;
import javafx.stage.Stage;
import org.assertj.core.data.Offset;
import org.hearth.domain.Locator;
import org.hearth.ingest.document.TextLimitReached;
import org.hearth.ingest.index.PartlyRead;
import org.hearth.ui.FakeSearchService.FakeAnswerJob;
import org.hearth.ui.FakeSearchService.FakeIndexJob;
import org.hearth.ui.FakeSearchService.FakeInstallJob;
import org.hearth.ui.FakeSearchService.FakeSearchJob;
import org.hearth.ui.FakeSearchService.Query;
import org.hearth.ui.search.SearchView;
import org.hearth.ui.service.ModelService.ModelState;
import org.hearth.ui.service.SearchService.AnswerJob.Answer;
import org.hearth.ui.service.SearchService.AnswerJob.Citation;
import org.hearth.ui.service.SearchService.Collection;
import org.hearth.ui.service.SearchService.Highlight;
import org.hearth.ui.service.SearchService.Hit;
import org.hearth.ui.service.SearchService.IndexJob.FileError;
import org.hearth.ui.service.SearchService.IndexJob.Summary;
import org.hearth.ui.service.SearchService.Location;
import org.hearth.ui.service.SearchService.Ranking;
import org.hearth.ui.service.SearchService.Results;
import org.hearth.ui.service.SettingsService.Theme;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The Search tab against a fake service the test drives: adding a folder shows the indexing run and how it
 * ended, a search lists passages with their place and matching words and opens one, an answer streams in
 * and ends with citations marked verified or not, a refusal reads as an answer, cancel stops the model.
 */
@ExtendWith(ApplicationExtension.class)
class SearchTabTest {

    private static final Path FOLDER = Path.of("/akten/mueller");
    private static final Location CONTRACT = new Location(FOLDER.resolve("Rahmenvertrag.pdf"),
            Optional.of(4), Optional.empty(), Optional.empty());
    private static final Location ANNEX = new Location(FOLDER.resolve("Nachtrag_2023.docx"),
            Optional.empty(), Optional.of(3), Optional.of(5));
    private static final Location NOTES = new Location(FOLDER.resolve("notizen.txt"),
            Optional.empty(), Optional.empty(), Optional.empty());
    private static final String CONTRACT_SNIPPET = "The notice period is three months to the end of a quarter.";
    private static final Hit CONTRACT_HIT = new Hit(CONTRACT, 12.5, CONTRACT_SNIPPET,
            List.of(new Highlight(4, 10), new Highlight(11, 17)));
    private static final Hit ANNEX_HIT = new Hit(ANNEX, 9.1, "For the annex, a period of six months applies.",
            List.of(new Highlight(17, 23)));
    private static final Hit NOTES_HIT = new Hit(NOTES, 3.2, "Call about the notice.", List.of(new Highlight(15, 21)));

    private final FakeSearchService search = new FakeSearchService();

    @Start
    void start(Stage stage) {
        new MainWindow(new FakeModelService(new ModelState.Ready("Qwen3.5 4B")), new FakeSettingsService("en", Theme.LIGHT),
                AppTabs.of(new FakeSummaryService(), new FakeExportService(), new FakeInboxService(), search), Locale.ENGLISH).show(stage);
    }

    @Test
    void a_folder_dropped_on_the_window_is_offered_for_search(FxRobot robot, @TempDir Path dropped) throws Exception {
        Path folder = java.nio.file.Files.createDirectories(dropped.resolve("Akte Becker"));
        Drops.dragOver(robot, robot.lookup("#nav-documents").query(), folder);
        assertThat(visible(robot, "#drop-overlay")).isTrue();
        assertThat(robot.lookup(".drop-hint").queryLabeled().getText()).isEqualTo("Drop to add the folder to search");

        Drops.drop(robot, robot.lookup("#nav-documents").query(), folder);
        WaitForAsyncUtils.waitForFxEvents();
        ComboBox<String> name = robot.lookup("#search-add-folder-collection").queryComboBox();
        assertThat(name.getEditor().getText()).as("the folder's name is suggested").isEqualTo("Akte Becker");
        assertThat(visible(robot, ".search-view")).as("the Search page is open").isTrue();
        robot.clickOn("#search-add-folder-ok");

        FakeIndexJob job = search.nextIndexJob();
        assertThat(job.collection()).isEqualTo("Akte Becker");
        assertThat(job.folder()).contains(folder);
    }

    @Test
    void adding_a_folder_shows_the_run_then_its_summary_and_the_collection_which_can_be_updated(FxRobot robot)
            throws TimeoutException {
        robot.clickOn("#nav-search");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS,
                () -> text(robot, "#search-placeholder").startsWith("No folders yet."));
        assertThat(robot.lookup("#search-update").queryButton().isDisabled()).as("no collection to update").isTrue();

        robot.interact(() -> robot.lookup(".search-view").queryAs(SearchView.class)
                .useFolderChooser((owner, title) -> Optional.of(FOLDER)));
        robot.clickOn("#search-add-folder");
        ComboBox<String> name = robot.lookup("#search-add-folder-collection").queryComboBox();
        assertThat(name.getEditor().getText()).as("the folder's name is suggested").isEqualTo("mueller");
        robot.interact(() -> name.getEditor().setText("Müller GmbH"));
        robot.clickOn("#search-add-folder-ok");

        FakeIndexJob job = search.nextIndexJob();
        assertThat(job.collection()).isEqualTo("Müller GmbH");
        assertThat(job.folder()).contains(FOLDER);
        job.report(listener -> listener.progress(0, 0, ""));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(text(robot, "#search-index-line")).isEqualTo("Looking for files in the folder…");
        assertThat(robot.lookup("#search-add-folder").queryButton().isDisabled()).as("one run at a time").isTrue();

        job.report(listener -> listener.progress(40, 300, FOLDER.resolve("Vertrag.pdf").toString()));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(text(robot, "#search-index-line")).isEqualTo("Reading file 41 of 300: Vertrag.pdf");
        assertThat(progress(robot)).isCloseTo(40 / 300.0, Offset.offset(1e-9));
        assertThat(text(robot, "#status-jobs")).isEqualTo("1 job running");

        job.report(listener -> listener.progress(299, 300, FOLDER.resolve("Scan_2019.pdf").toString()));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(text(robot, "#search-index-line")).isEqualTo("Reading file 300 of 300: Scan_2019.pdf");
        assertThat(progress(robot)).isCloseTo(299 / 300.0, Offset.offset(1e-9));

        search.putCollection(new Collection("Müller GmbH", List.of(FOLDER), 299, 4180));
        job.report(listener -> listener.done(new Summary(299, 0, 0, List.of(new FileError(
                FOLDER.resolve("Scan_2019.pdf"), "It is a scan without text; text recognition is not available yet.")),
                List.of(new PartlyRead(FOLDER.resolve("Anlagen.pdf"), new TextLimitReached(Locator.Unit.PAGE, 123, 3000, 12_000_000))))));
        ComboBox<?> chooser = robot.lookup("#search-collection").queryComboBox();
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS,
                () -> "Müller GmbH · 299 files · 4,180 passages".equals(chooser.getButtonCell().getText()));

        assertThat(text(robot, "#search-index-line")).isEqualTo(
                "Index updated · 299 files indexed · 0 unchanged · 0 removed · 1 file could not be read");
        assertThat(robot.lookup("#search-index-line").query().getStyleClass()).contains("warning");
        assertThat(visible(robot, "#search-index-progress")).isFalse();
        assertThat(visible(robot, "#search-index-cancel")).isFalse();
        assertThat(visible(robot, "#status-jobs")).isFalse();
        assertThat(visible(robot, "#search-index-unreadable")).as("folded until asked for").isFalse();
        robot.clickOn("#search-index-details");
        assertThat(visible(robot, "#search-index-unreadable")).isTrue();
        assertThat(texts(robot, "#search-index-unreadable"))
                .containsExactly("Scan_2019.pdf – It is a scan without text; text recognition is not available yet.",
                        "Anlagen.pdf – Only the text up to page 123 of 3,000 was read: the rest was left out because Hearth "
                                + "takes at most 12,000,000 characters from one document.");
        assertThat(robot.lookup("#search-update").queryButton().isDisabled())
                .as("the new collection is chosen and can be updated").isFalse();
        assertThat(text(robot, "#search-placeholder")).startsWith("Type a few words");

        robot.clickOn("#search-index-dismiss");
        assertThat(visible(robot, "#search-index-activity")).isFalse();

        robot.clickOn("#search-update");
        FakeIndexJob update = search.nextIndexJob();
        assertThat(update.collection()).isEqualTo("Müller GmbH");
        assertThat(update.folder()).as("an update, not a new folder").isEmpty();
        update.report(listener -> listener.progress(3, 10, "Vertrag.pdf"));
        WaitForAsyncUtils.waitForFxEvents();
        cancel(robot, "#search-index-cancel", update);
        assertThat(text(robot, "#search-index-line"))
                .isEqualTo("Stopped. The files indexed so far can be searched; “Update index” carries on from there.");
        assertThat(visible(robot, "#search-index-cancel")).isFalse();
        assertThat(robot.lookup("#search-add-folder").queryButton().isDisabled()).isFalse();
    }

    @Test
    void a_search_lists_file_place_and_matching_words_and_opens_a_passage(FxRobot robot) throws TimeoutException {
        search.putCollection(new Collection("Müller GmbH", List.of(FOLDER), 3, 40));
        search.putCollection(new Collection("Templates", List.of(Path.of("/vorlagen")), 12, 95));
        search.answerSearchesWith(new Results(List.of(CONTRACT_HIT, ANNEX_HIT, NOTES_HIT), Ranking.KEYWORDS_NO_MODEL));
        robot.clickOn("#nav-search");
        robot.clickOn("#search-query").write("notice period").type(KeyCode.ENTER);

        Query query = search.nextQuery();
        assertThat(query).isEqualTo(new Query("notice period", Optional.empty(), 20));
        ListView<Hit> list = robot.lookup("#search-results").queryListView();
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> list.getItems().size() == 3);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(text(robot, "#search-count")).isEqualTo("3 passages");
        assertThat(cellLabels(robot, CONTRACT)).containsSubsequence("Rahmenvertrag.pdf", "p. 4");
        assertThat(cellLabels(robot, ANNEX)).containsSubsequence("Nachtrag_2023.docx", "para. 3–5");
        assertThat(cellLabels(robot, NOTES)).contains("notizen.txt").doesNotContain("p. ", "para. ");
        assertThat(snippet(robot, CONTRACT)).isEqualTo(CONTRACT_SNIPPET);
        assertThat(matches(robot, CONTRACT)).containsExactly("notice", "period");
        assertThat(matches(robot, ANNEX)).containsExactly("period");
        assertThat(visible(robot, "#search-keywords-only")).isTrue();

        robot.doubleClickOn(cell(robot, ANNEX), MouseButton.PRIMARY);
        assertThat(search.nextOpened()).isEqualTo(ANNEX);
        robot.interact(() -> {
            list.getSelectionModel().select(CONTRACT_HIT);
            list.requestFocus();
        });
        robot.type(KeyCode.ENTER);
        assertThat(search.nextOpened()).isEqualTo(CONTRACT);

        // Another collection searches the same words again, there; with an embedding model the note goes.
        search.answerSearchesWith(new Results(List.of(CONTRACT_HIT), Ranking.HYBRID));
        ComboBox<Optional<Collection>> chooser = robot.lookup("#search-collection").queryComboBox();
        robot.interact(() -> chooser.setValue(chooser.getItems().stream()
                .filter(c -> c.map(Collection::name).orElse("").equals("Müller GmbH")).findFirst().orElseThrow()));
        assertThat(search.nextQuery()).isEqualTo(new Query("notice period", Optional.of("Müller GmbH"), 20));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> list.getItems().size() == 1);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(visible(robot, "#search-keywords-only")).isFalse();
        assertThat(text(robot, "#search-count")).isEqualTo("1 passage");
    }

    @Test
    void an_answer_streams_in_and_its_citations_say_whether_the_quote_was_found(FxRobot robot)
            throws TimeoutException {
        search.putCollection(new Collection("Müller GmbH", List.of(FOLDER), 3, 40));
        search.answerSearchesWith(new Results(List.of(CONTRACT_HIT, ANNEX_HIT), Ranking.HYBRID));
        robot.clickOn("#nav-search");
        robot.clickOn("#search-query").write("Which notice period did we agree?");
        robot.press(KeyCode.CONTROL, KeyCode.ENTER).release(KeyCode.ENTER, KeyCode.CONTROL);

        FakeAnswerJob job = search.nextQuestion();
        assertThat(job.question()).isEqualTo("Which notice period did we agree?");
        assertThat(job.collection()).isEmpty();
        assertThat(search.nextQuery().text()).as("the list on the left belongs to the question").isEqualTo(job.question());
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(text(robot, "#search-answer-question")).isEqualTo("Which notice period did we agree?");
        assertThat(text(robot, "#search-answer-status")).isEqualTo("Looking for the passages that answer it…");
        assertThat(robot.lookup("#search-ask").queryButton().isDisabled()).as("one question at a time").isTrue();

        job.report(listener -> listener.sources(List.of(CONTRACT_HIT, ANNEX_HIT)));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(text(robot, "#search-answer-status")).isEqualTo("Writing the answer from 2 passages…");
        assertThat(texts(robot, "#search-sources"))
                .containsExactly("[1] Rahmenvertrag.pdf, p. 4", "[2] Nachtrag_2023.docx, para. 3–5");

        job.report(listener -> listener.text("The notice period is "));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(answerText(robot)).isEqualTo("The notice period is ");
        job.report(listener -> listener.text("one month [1]."));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(answerText(robot)).isEqualTo("The notice period is one month [1].");
        job.report(listener -> listener.textDiscarded());
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(answerText(robot)).isEmpty();

        String text = "Three months to the end of a quarter [1]; for the annex six months [2].";
        job.report(listener -> listener.text(text));
        job.report(listener -> listener.done(new Answer(false, text, List.of(
                new Citation(1, CONTRACT, "three months to the end of a quarter", true),
                new Citation(2, ANNEX, "a period of nine months applies", false)))));
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(answerText(robot)).isEqualTo(text);
        assertThat(text(robot, "#search-answer-status"))
                .isEqualTo("⚠ 1 of 2 quotes could not be verified – check those places yourself.");
        assertThat(visible(robot, "#search-answer-cancel")).isFalse();
        Node verified = robot.lookup("#citation-1").query();
        Node unverified = robot.lookup("#citation-2").query();
        assertThat(verified.getStyleClass()).contains("verified").doesNotContain("unverified");
        assertThat(unverified.getStyleClass()).contains("unverified");
        assertThat(texts(robot, "#citation-1")).containsExactly("[1]", "Rahmenvertrag.pdf, p. 4", "✓ found verbatim",
                "“three months to the end of a quarter”");
        assertThat(texts(robot, "#citation-2")).containsExactly("[2]", "Nachtrag_2023.docx, para. 3–5", "⚠ not verified",
                "“a period of nine months applies”",
                "This quote is not in the source as written – do not rely on it; check the place yourself.");
        assertThat(marks(robot)).extracting(link -> link.getText() + " " + link.getStyleClass().contains("verified"))
                .containsExactly("[1] true", "[2] false");

        robot.clickOn(robot.from(unverified).lookup(".citation-link").queryAs(Hyperlink.class));
        assertThat(search.nextOpened()).isEqualTo(ANNEX);
        robot.clickOn(verified);
        assertThat(search.nextOpened()).as("one opening per click, none left over from the link").isEqualTo(CONTRACT);
        robot.clickOn(marks(robot).get(1));
        assertThat(search.nextOpened()).isEqualTo(ANNEX);
        assertThat(robot.lookup("#search-ask").queryButton().isDisabled()).isFalse();
    }

    @Test
    void an_answer_that_may_leave_shows_what_would_go_and_send_passes_on_to_the_job(FxRobot robot) throws Exception {
        FakeAnswerJob asked = askAndAwaitPreview(robot);

        assertThat(text(robot, "#search-answer-status"))
                .isEqualTo("The answer would be written on Kanzlei-Server: check what would be sent and send it, or cancel.");
        assertThat(text(robot, "#status-privacy")).isEqualTo("Local only");

        robot.clickOn("#preview-send");
        assertThat(asked.awaitSent()).as("Send reached the job").isTrue();
        asked.report(listener -> listener.routedTo("Kanzlei-Server"));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(text(robot, "#status-privacy")).isEqualTo("Sent to: Kanzlei-Server");
        assertThat(text(robot, "#search-answer-status")).isEqualTo("Writing the answer on Kanzlei-Server…");

        asked.report(listener -> listener.done(new Answer(false, "The period ends on 30 June.", List.of())));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(text(robot, "#status-privacy")).as("back on this machine").isEqualTo("Local only");
    }

    @Test
    void cancel_in_an_answers_preview_ends_it_with_nothing_sent(FxRobot robot) throws Exception {
        FakeAnswerJob asked = askAndAwaitPreview(robot);

        robot.clickOn("#preview-cancel");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, asked::cancelRequested);
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(text(robot, "#search-answer-status")).isEqualTo("Stopped – the text so far is incomplete and was not checked against the sources.");
        assertThat(robot.lookup("#preview-send").tryQuery()).isEmpty();
    }

    /** A question whose answer may be written on the firm's server: the job shows its preview and waits. */
    private FakeAnswerJob askAndAwaitPreview(FxRobot robot) throws TimeoutException {
        robot.clickOn("#nav-search");
        robot.clickOn("#search-query").write("When does the notice period end?");
        robot.clickOn("#search-ask");
        FakeAnswerJob asked = search.nextQuestion();
        asked.report(listener -> listener.sources(List.of(CONTRACT_HIT)));
        asked.report(listener -> listener.preview(SendPreviewTest.PREVIEW));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#preview-send").tryQuery().isPresent());
        WaitForAsyncUtils.waitForFxEvents();
        return asked;
    }

    @Test
    void a_refusal_reads_as_an_answer_and_cancel_stops_the_next_question(FxRobot robot) throws TimeoutException {
        robot.clickOn("#nav-search");
        robot.clickOn("#search-query").write("What did the court decide?");
        robot.clickOn("#search-ask");
        FakeAnswerJob refused = search.nextQuestion();
        refused.report(listener -> listener.sources(List.of()));
        refused.report(listener -> listener.done(new Answer(true,
                "None of your documents says what the court decided.", List.of())));
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(visible(robot, "#search-refusal")).isTrue();
        assertThat(texts(robot, "#search-refusal"))
                .containsExactly("Nothing in your documents answers this", "None of your documents says what the court decided.");
        assertThat(visible(robot, "#search-answer-text")).isFalse();
        assertThat(robot.lookup("#search-answer-status").query().getStyleClass()).doesNotContain("danger");
        assertThat(text(robot, "#search-answer-status")).isEqualTo("Hearth does not guess: without a source there is no answer.");

        robot.clickOn("#search-ask");
        FakeAnswerJob asked = search.nextQuestion();
        asked.report(listener -> listener.sources(List.of(CONTRACT_HIT)));
        asked.report(listener -> listener.text("The court "));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(visible(robot, "#search-refusal")).as("the new question replaced the refusal").isFalse();
        assertThat(text(robot, "#status-jobs")).isEqualTo("1 job running");

        cancel(robot, "#search-answer-cancel", asked);
        assertThat(refused.cancelRequested()).isFalse();
        assertThat(text(robot, "#search-answer-status"))
                .isEqualTo("Stopped – the text so far is incomplete and was not checked against the sources.");
        assertThat(visible(robot, "#search-answer-cancel")).isFalse();
        assertThat(visible(robot, "#status-jobs")).isFalse();
        assertThat(robot.lookup("#search-ask").queryButton().isDisabled()).isFalse();
    }

    @Test
    void keyword_hits_show_at_once_and_the_ranking_by_meaning_replaces_them_keeping_the_chosen_passage(FxRobot robot)
            throws TimeoutException {
        search.putCollection(new Collection("Müller GmbH", List.of(FOLDER), 3, 40));
        search.answerSearchesWith(new Results(List.of(NOTES_HIT, CONTRACT_HIT), Ranking.KEYWORDS_REFINING));
        robot.clickOn("#nav-search");
        robot.clickOn("#search-query").write("notice period").type(KeyCode.ENTER);

        FakeSearchJob first = search.nextSearch();
        ListView<Hit> list = robot.lookup("#search-results").queryListView();
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> list.getItems().size() == 2);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(list.getItems()).containsExactly(NOTES_HIT, CONTRACT_HIT);
        assertThat(visible(robot, "#search-refining")).as("a quiet sign that a better ranking follows").isTrue();
        assertThat(texts(robot, "#search-refining")).containsExactly("Refining by meaning…");
        assertThat(visible(robot, "#search-keywords-only")).as("keywords for now is not keywords only").isFalse();
        assertThat(text(robot, "#search-count")).isEqualTo("2 passages");
        robot.clickOn(cell(robot, CONTRACT));
        assertThat(list.getSelectionModel().getSelectedItem()).isEqualTo(CONTRACT_HIT);

        Hit contractByMeaning = new Hit(CONTRACT, 0.032, CONTRACT_SNIPPET, CONTRACT_HIT.highlights());
        first.report(listener -> listener.refined(new Results(List.of(ANNEX_HIT, contractByMeaning), Ranking.HYBRID)));
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(list.getItems()).containsExactly(ANNEX_HIT, contractByMeaning);
        assertThat(list.getSelectionModel().getSelectedItem()).as("the same passage stays chosen").isEqualTo(contractByMeaning);
        assertThat(visible(robot, "#search-refining")).isFalse();
        assertThat(visible(robot, "#search-keywords-only")).isFalse();

        // A newer search: the older one's late refinement must not replace its hits.
        search.answerSearchesWith(new Results(List.of(NOTES_HIT), Ranking.KEYWORDS_REFINING));
        robot.clickOn("#search-query").eraseText("notice period".length()).write("call").type(KeyCode.ENTER);
        FakeSearchJob second = search.nextSearch();
        assertThat(second.query().text()).isEqualTo("call");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> list.getItems().equals(List.of(NOTES_HIT)));
        first.report(listener -> listener.refined(new Results(List.of(ANNEX_HIT), Ranking.HYBRID)));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(list.getItems()).containsExactly(NOTES_HIT);
        assertThat(list.getSelectionModel().getSelectedItem()).as("a new search starts unchosen").isNull();
        assertThat(visible(robot, "#search-refining")).isTrue();
    }

    @Test
    void without_the_search_model_the_tab_says_so_plainly_and_installs_it_with_progress_and_cancel(FxRobot robot)
            throws TimeoutException {
        search.putCollection(new Collection("Müller GmbH", List.of(FOLDER), 3, 40));
        search.answerSearchesWith(new Results(List.of(CONTRACT_HIT), Ranking.KEYWORDS_NO_MODEL));
        robot.clickOn("#nav-search");
        robot.clickOn("#search-query").write("notice period").type(KeyCode.ENTER);
        search.nextSearch();
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> visible(robot, "#search-keywords-only"));

        assertThat(text(robot, "#search-keywords-only-why")).isEqualTo("Search only finds passages that contain your search "
                + "words. To also find passages that say the same in other words, install the search model (about 610 MB).");
        assertThat(visible(robot, "#search-refining")).isFalse();
        assertThat(visible(robot, "#search-model-progress")).isFalse();
        robot.clickOn("#search-install-model");

        FakeInstallJob download = search.nextInstall();
        long megabyte = 1024 * 1024;
        download.report(listener -> listener.progress(120 * megabyte, FakeSearchService.SEARCH_MODEL_BYTES));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(text(robot, "#search-model-line")).isEqualTo("Downloading the search model: 120 of 609 MB");
        assertThat(robot.lookup("#search-model-progress").queryAs(ProgressBar.class).getProgress())
                .isCloseTo(120.0 * megabyte / FakeSearchService.SEARCH_MODEL_BYTES, Offset.offset(1e-9));
        assertThat(visible(robot, "#search-install-model")).as("one download at a time").isFalse();
        assertThat(text(robot, "#status-jobs")).isEqualTo("1 job running");

        cancel(robot, "#search-model-cancel", download);
        assertThat(text(robot, "#search-model-line")).isEqualTo("Stopped. “Install search model” carries on from there.");
        assertThat(visible(robot, "#search-model-cancel")).isFalse();
        assertThat(visible(robot, "#search-install-model")).isTrue();
        assertThat(visible(robot, "#status-jobs")).isFalse();

        robot.clickOn("#search-install-model");
        FakeInstallJob resumed = search.nextInstall();
        search.answerSearchesWith(new Results(List.of(CONTRACT_HIT), Ranking.KEYWORDS_INDEXING, 2));
        resumed.report(listener -> listener.done());
        assertThat(search.nextQuery().text()).as("the search runs again with the model").isEqualTo("notice period");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(text(robot, "#search-model-line")).isEqualTo("The search model is installed. Hearth now indexes your "
                + "documents by meaning in the background; until then search finds your search words.");
        assertThat(text(robot, "#search-keywords-only-why")).isEqualTo("For now search only finds passages that contain "
                + "your search words: 2 documents have not been indexed by meaning yet. Hearth does this in the background; "
                + "if it was interrupted, “Update index” carries on.");
        assertThat(visible(robot, "#search-install-model")).isFalse();
    }

    /** Presses a Cancel button and waits until the fake has confirmed the cancel and the window shows it. */
    private void cancel(FxRobot robot, String button, FakeJob<?> job) throws TimeoutException {
        robot.clickOn(button);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, job::cancelRequested);
        search.awaitWorker();
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static double progress(FxRobot robot) {
        return robot.lookup("#search-index-progress").queryAs(ProgressBar.class).getProgress();
    }

    /** The texts of the labels and links inside, in order. */
    static List<String> texts(FxRobot robot, String query) {
        return robot.from(robot.lookup(query).<Parent>query()).lookup((Node node) -> node instanceof Labeled)
                .<Labeled>queryAll().stream()
                .filter(labeled -> labeled.isVisible() && !labeled.getText().isEmpty())
                .map(Labeled::getText).toList();
    }

    static ListCell<?> cell(FxRobot robot, Location location) {
        return robot.lookup("#search-results .list-cell").<ListCell<?>>queryAll().stream()
                .filter(c -> c.getItem() instanceof Hit hit && hit.location().equals(location))
                .findFirst().orElseThrow(() -> new AssertionError("no result row for " + location.fileName()));
    }

    private static List<String> cellLabels(FxRobot robot, Location location) {
        return robot.from(cell(robot, location)).lookup(".label").<Labeled>queryAll().stream()
                .map(Labeled::getText).filter(t -> t != null && !t.isEmpty()).toList();
    }

    private static String snippet(FxRobot robot, Location location) {
        return robot.from(cell(robot, location)).lookup(".hit-snippet").queryAs(TextFlow.class).getChildren().stream()
                .map(node -> ((Text) node).getText()).reduce("", String::concat);
    }

    private static List<String> matches(FxRobot robot, Location location) {
        return robot.from(cell(robot, location)).lookup(".snippet-match").<Text>queryAll().stream().map(Text::getText).toList();
    }

    /** The answer as shown: its words and its citation marks. */
    static String answerText(FxRobot robot) {
        return robot.lookup("#search-answer-text").queryAs(TextFlow.class).getChildren().stream()
                .map(node -> node instanceof Text t ? t.getText() : ((Labeled) node).getText())
                .reduce("", String::concat);
    }

    private static List<Hyperlink> marks(FxRobot robot) {
        return robot.lookup("#search-answer-text").queryAs(TextFlow.class).getChildren().stream()
                .filter(Hyperlink.class::isInstance).map(Hyperlink.class::cast).toList();
    }
}
