package org.hearth.app;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;
import java.util.function.Consumer;
import org.hearth.app.documents.LocalSummaryService;
import org.hearth.app.documents.SummaryStore;
import org.hearth.app.drafting.DraftRouting;
import org.hearth.app.drafting.LocalDraftingService;
import org.hearth.app.estimate.ModelSpeeds;
import org.hearth.app.mail.LocalInboxService;
import org.hearth.app.mail.LocalReplyService;
import org.hearth.app.mail.MailStore;
import org.hearth.app.mail.OAuthClients;
import org.hearth.app.mail.TriageDefaults;
import org.hearth.app.models.ContextSettings;
import org.hearth.app.models.LocalModelService;
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
import org.hearth.app.settings.JsonSettingsStore;
import org.hearth.app.state.LocalState;
import org.hearth.assistant.llama.ContextOptions;
import org.hearth.assistant.model.HuggingFaceHub;
import org.hearth.assistant.route.JobClass;
import org.hearth.assistant.route.egress.EgressLog;
import org.hearth.ingest.document.IsolatedDocumentReader;
import org.hearth.ingest.index.DocumentSource;
import org.hearth.ingest.mail.oauth.TokenClient;
import org.hearth.ui.service.SettingsService;

/**
 * What the window's tabs work with, built off the JavaFX thread: it needs neither the toolkit nor a window, so it is
 * built while JavaFX starts (each takes about half a second). Closed in the reverse order of opening.
 *
 * <p>{@code desktop} opens an address in the user's own browser or a file in its own application; it works once the
 * window runs, which is the only time the services use it.
 */
final class WindowServices implements AutoCloseable {

    final SettingsService settings;
    final LocalModelService models;
    final LocalSummaryService summaries;
    final LocalInboxService inbox;
    final LocalSearchService search;
    final LocalDraftingService drafting;
    final LocalReplyService replies;
    final LocalRoutingService routing;
    private final Deque<AutoCloseable> opened;

    private WindowServices(SettingsService settings, LocalModelService models, LocalSummaryService summaries,
                           LocalInboxService inbox, LocalSearchService search, LocalDraftingService drafting,
                           LocalReplyService replies, LocalRoutingService routing, Deque<AutoCloseable> opened) {
        this.settings = settings;
        this.models = models;
        this.summaries = summaries;
        this.inbox = inbox;
        this.search = search;
        this.drafting = drafting;
        this.replies = replies;
        this.routing = routing;
        this.opened = opened;
    }

    static WindowServices open(HearthPaths paths, Consumer<URI> desktop) {
        Deque<AutoCloseable> opened = new ArrayDeque<>();
        SettingsService settings = new JsonSettingsStore(paths.home().resolve("settings.json"));
        // No network unless the user presses Download: the hub is only contacted by download().
        LocalModelService models = new LocalModelService(paths, settings,
                HuggingFaceHub.withDefaultClient(HuggingFaceHub.DEFAULT_BASE_URI));
        opened.push(models);
        LocalState state = LocalState.open(paths.database());
        ModelSpeeds speeds = push(opened, new ModelSpeeds(state));
        SummaryStore summaryStore = push(opened, new SummaryStore(state));
        RoutingStore routingStore = push(opened, new RoutingStore(state));
        EgressLog egress = EgressLogs.in(paths);
        RoutedEngines engines = new RoutedEngines(RoutedEngines.client(), Keychain.system(), routingStore, egress);

        LocalSummaryService summaries = push(opened, new LocalSummaryService(models, () -> contextOptions(settings), speeds,
                summaryStore, Optional.of(new SummaryRouting(JobRouting.of(JobClass.SUMMARY, routingStore, Optional.empty(), engines)))));
        MailStore mailStore = push(opened, new MailStore(state));
        // RFC 8252: sign-in happens in the user's own browser, never in a view inside Hearth.
        LocalInboxService inbox = push(opened, new LocalInboxService(mailStore, Keychain.system(), models,
                () -> TriageDefaults.settings(settings.load(), null, null), OAuthClients.inDataFolder(paths.home()),
                desktop::accept, new TokenClient()));
        IsolatedDocumentReader searchReader = push(opened, new IsolatedDocumentReader(IsolatedDocumentReader.Limits.defaults()));
        LocalSearchService search;
        try {
            search = push(opened, new LocalSearchService(() -> SearchSetup.open(paths, Optional.empty(), settings.load().threads()),
                    DocumentSource.isolated(searchReader), models, () -> contextOptions(settings),
                    SourceViewer.forThisSystem(file -> desktop.accept(file.toUri())), models::downloadSearchModel,
                    Optional.of(new AnswerRouting(JobRouting.of(JobClass.ANSWER, routingStore, Optional.empty(), engines)))));
        } catch (IOException e) {
            throw new UncheckedIOException("Hearth cannot watch folders for its search index: " + e.getMessage(), e);
        }
        LocalReplyService replies = push(opened, new LocalReplyService(models, () -> contextOptions(settings)));
        LocalDraftingService drafting = push(opened, new LocalDraftingService(models, () -> contextOptions(settings),
                Optional.of(new DraftRouting(JobRouting.of(JobClass.DRAFT, routingStore, Optional.empty(), engines)))));
        return new WindowServices(settings, models, summaries, inbox, search, drafting, replies,
                new LocalRoutingService(routingStore, Keychain.system(), egress), opened);
    }

    /** Context options from the settings, read when a job starts so a change applies to the next job. */
    static ContextOptions contextOptions(SettingsService settings) {
        return ContextSettings.of(settings.load(), null);
    }

    private static <T extends AutoCloseable> T push(Deque<AutoCloseable> opened, T service) {
        opened.push(service);
        return service;
    }

    @Override
    public void close() throws Exception {
        Exception first = null;
        while (!opened.isEmpty()) {
            try {
                opened.pop().close();
            } catch (Exception e) {
                if (first == null) {
                    first = e;
                } else {
                    first.addSuppressed(e);
                }
            }
        }
        if (first != null) {
            throw first;
        }
    }
}
