package org.hearth.ui.inbox;

import javafx.beans.value.ObservableIntegerValue;
import javafx.scene.Node;
import org.hearth.ui.common.Icons;
import org.hearth.ui.common.Localization;
import org.hearth.ui.service.InboxService;
import org.hearth.ui.service.ReplyService;
import org.hearth.ui.tab.Tab;
import org.hearth.ui.tab.TabDefinition;

/** The Inbox tab: the triaged mail of the user's accounts. */
public final class InboxTab implements Tab {

    private final InboxViewModel viewModel;

    private InboxTab(InboxViewModel viewModel) {
        this.viewModel = viewModel;
    }

    /** @param replies drafts "Antwort entwerfen" on the selected mail */
    public static TabDefinition of(InboxService service, ReplyService replies) {
        return context -> new InboxTab(new InboxViewModel(service, replies, context.runningTasks(), context.background()));
    }

    @Override
    public String id() {
        return "inbox";
    }

    @Override
    public String labelKey() {
        return "nav.inbox";
    }

    @Override
    public Node icon() {
        return Icons.inbox();
    }

    /** The urgent mails not opened yet. */
    @Override
    public ObservableIntegerValue badge() {
        return viewModel.urgentUnopened();
    }

    @Override
    public Node createView(Localization localization) {
        return new InboxView(localization, viewModel);
    }

    /** Shows what the service has now, e.g. labels written back by another window. */
    @Override
    public void opened() {
        viewModel.reload();
    }

    @Override
    public void close() {
        viewModel.close();
    }
}
