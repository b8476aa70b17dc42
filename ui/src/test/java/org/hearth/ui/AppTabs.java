package org.hearth.ui;

import java.util.List;
import org.hearth.ui.documents.DocumentsTab;
import org.hearth.ui.drafting.DraftingTab;
import org.hearth.ui.inbox.InboxTab;
import org.hearth.ui.search.SearchTab;
import org.hearth.ui.service.DraftingService;
import org.hearth.ui.service.ExportService;
import org.hearth.ui.service.InboxService;
import org.hearth.ui.service.SearchService;
import org.hearth.ui.service.SummaryService;
import org.hearth.ui.tab.TabDefinition;

/** The tabs as the app registers them, in the rail's order of UX.md, on the services a test hands in. */
final class AppTabs {

    private AppTabs() {
    }

    static List<TabDefinition> of(SummaryService summaries, ExportService exports, InboxService inbox, SearchService search) {
        return of(summaries, exports, inbox, new FakeDraftingService(), search);
    }

    static List<TabDefinition> of(SummaryService summaries, ExportService exports, InboxService inbox, DraftingService drafting,
                                  SearchService search) {
        return List.of(InboxTab.of(inbox, new FakeReplyService()), DocumentsTab.of(summaries, exports), DraftingTab.of(drafting), SearchTab.of(search));
    }
}
