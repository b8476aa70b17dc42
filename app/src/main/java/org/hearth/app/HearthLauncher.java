package org.hearth.app;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import javafx.application.Application;
import javafx.stage.Stage;
import org.hearth.app.documents.LocalSummaryService;
import org.hearth.app.documents.SummaryStore;
import org.hearth.app.drafting.DraftRouting;
import org.hearth.app.drafting.LocalDraftingService;
import org.hearth.app.export.SummaryExportService;
import org.hearth.app.mail.LocalInboxService;
import org.hearth.app.mail.LocalReplyService;
import org.hearth.app.mail.MailStore;
import org.hearth.app.mail.OAuthClients;
import org.hearth.app.mail.TriageDefaults;
import org.hearth.app.privacy.EgressLogs;
import org.hearth.app.privacy.JobRouting;
import org.hearth.app.privacy.LocalRoutingService;
import org.hearth.app.privacy.RoutedEngines;
import org.hearth.app.privacy.RoutingStore;
import org.hearth.app.privacy.SummaryRouting;
import org.hearth.app.search.AnswerRouting;
import org.hearth.app.search.LocalSearchService;
import org.hearth.app.search.SearchSetup;
import org.hearth.app.search.SourceViewer;
import org.hearth.app.secrets.Keychain;
import org.hearth.app.estimate.ModelSpeeds;
import org.hearth.app.state.LocalState;
import org.hearth.app.models.ContextSettings;
import org.hearth.app.models.LocalModelService;
import org.hearth.app.settings.JsonSettingsStore;
import org.hearth.assistant.llama.ContextOptions;
import org.hearth.assistant.model.HuggingFaceHub;
import org.hearth.assistant.route.JobClass;
import org.hearth.assistant.route.egress.EgressLog;
import org.hearth.domain.Language;
import org.hearth.ingest.document.IsolatedDocumentReader;
import org.hearth.ingest.index.DocumentSource;
import org.hearth.ingest.mail.oauth.TokenClient;
import org.hearth.ui.MainWindow;
import org.hearth.ui.documents.DocumentsTab;
import org.hearth.ui.drafting.DraftingTab;
import org.hearth.ui.inbox.InboxTab;
import org.hearth.ui.search.SearchTab;
import org.hearth.ui.service.SettingsService;

/** Opens the window: the composition root builds the services and hands them to the UI. */
public final class HearthLauncher {

    private static HearthPaths paths;
    private static List<Path> openedFiles = List.of();

    private HearthLauncher() {
    }

    /** @param files what the desktop asked Hearth to open; they go to the Documents tab */
    public static void openWindow(HearthPaths homePaths, List<Path> files) {
        paths = homePaths;
        openedFiles = List.copyOf(files);
        Application.launch(FxApplication.class);
    }

    /** Context options from the settings, read when a job starts so a change applies to the next job. */
    static ContextOptions contextOptions(SettingsService settings) {
        return ContextSettings.of(settings.load(), null);
    }

    /** JavaFX instantiates this itself, hence the static hand-over of the paths. */
    public static final class FxApplication extends Application {

        private LocalModelService models;
        private SummaryStore summaryStore;
        private LocalSummaryService summaries;
        private ModelSpeeds speeds;
        private LocalInboxService inbox;
        private MailStore mailStore;
        private LocalSearchService search;
        private IsolatedDocumentReader searchReader;
        private RoutingStore routingStore;
        private LocalDraftingService drafting;
        private LocalReplyService replies;

        @Override
        public void start(Stage stage) {
            SettingsService settings = new JsonSettingsStore(paths.home().resolve("settings.json"));
            // No network unless the user presses Download: the hub is only contacted by download().
            models = new LocalModelService(paths, settings, new HuggingFaceHub(HuggingFaceHub.defaultHttpClient(), HuggingFaceHub.DEFAULT_BASE_URI));
            LocalState state = LocalState.open(paths.database());
            speeds = new ModelSpeeds(state);
            summaryStore = new SummaryStore(state);
            routingStore = new RoutingStore(state);
            EgressLog egress = EgressLogs.in(paths);
            RoutedEngines engines = new RoutedEngines(RoutedEngines.client(), Keychain.system(), routingStore, egress);
            summaries = new LocalSummaryService(models, () -> contextOptions(settings), speeds, summaryStore,
                    Optional.of(new SummaryRouting(JobRouting.of(JobClass.SUMMARY, routingStore, Optional.empty(), engines))));
            inbox = inboxService(settings, state);
            search = searchService(settings, new AnswerRouting(JobRouting.of(JobClass.ANSWER, routingStore, Optional.empty(), engines)));
            drafting = new LocalDraftingService(models, () -> contextOptions(settings),
                    Optional.of(new DraftRouting(JobRouting.of(JobClass.DRAFT, routingStore, Optional.empty(), engines))));
            replies = new LocalReplyService(models, () -> contextOptions(settings));
            // The rail's order of UX.md: the day starts with the inbox. A new tab is one more line here.
            MainWindow window = new MainWindow(models, settings, Optional.of(new LocalRoutingService(routingStore, Keychain.system(), egress)), List.of(
                    InboxTab.of(inbox, replies),
                    DocumentsTab.of(summaries, new SummaryExportService()),
                    DraftingTab.of(drafting),
                    SearchTab.of(search)), Locale.getDefault());
            window.show(stage);
            if (!openedFiles.isEmpty()) {
                window.addFiles(openedFiles);
            }
            models.start();
        }

        private LocalInboxService inboxService(SettingsService settings, LocalState state) {
            mailStore = new MailStore(state);
            // RFC 8252: sign-in happens in the user's own browser, never in a view inside Hearth.
            org.hearth.ingest.mail.oauth.Browser browser = uri -> getHostServices().showDocument(uri.toString());
            return new LocalInboxService(mailStore, Keychain.system(), models,
                    () -> TriageDefaults.settings(settings.load(), null, null), OAuthClients.inDataFolder(paths.home()), browser,
                    new TokenClient());
        }

        private LocalSearchService searchService(SettingsService settings, AnswerRouting answerRouting) {
            searchReader = new IsolatedDocumentReader(IsolatedDocumentReader.Limits.defaults());
            try {
                return new LocalSearchService(() -> SearchSetup.open(paths, Optional.empty(), settings.load().threads()),
                        DocumentSource.isolated(searchReader), models, () -> contextOptions(settings),
                        SourceViewer.forThisSystem(file -> getHostServices().showDocument(file.toUri().toString())),
                        models::downloadSearchModel, Optional.of(answerRouting));
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException("Hearth cannot watch folders for its search index: " + e.getMessage(), e);
            }
        }

        @Override
        public void stop() throws Exception {
            drafting.close();
            replies.close();
            search.close();
            searchReader.close();
            inbox.close();
            mailStore.close();
            summaries.close();
            routingStore.close();
            speeds.close();
            summaryStore.close();
            models.close();
        }
    }
}
