package org.hearth.ui.drafting;

import java.nio.file.Path;
import java.util.List;
import javafx.scene.Node;
import org.hearth.ui.common.Icons;
import org.hearth.ui.common.Localization;
import org.hearth.ui.service.DraftingService;
import org.hearth.ui.tab.Tab;
import org.hearth.ui.tab.TabContext;
import org.hearth.ui.tab.TabDefinition;

/** The Drafts tab: the firm's templates filled from a matter's files, reviewed field by field, then saved. */
public final class DraftingTab implements Tab {

    private final DraftingViewModel viewModel;

    private DraftingTab(DraftingViewModel viewModel) {
        this.viewModel = viewModel;
    }

    public static TabDefinition of(DraftingService service) {
        return (TabContext context) -> new DraftingTab(
                new DraftingViewModel(service, context.runningTasks(), context.background(), context.settings()));
    }

    @Override
    public String id() {
        return "drafting";
    }

    @Override
    public String labelKey() {
        return "nav.drafting";
    }

    @Override
    public Node icon() {
        return Icons.draft();
    }

    @Override
    public Node createView(Localization localization) {
        return new DraftingView(localization, viewModel);
    }

    /** Templates added to the folder since show when the tab is opened. */
    @Override
    public void opened() {
        viewModel.reloadTemplates();
    }

    /** Files dropped while the tab is open become the draft's sources. */
    @Override
    public boolean takesFiles() {
        return true;
    }

    @Override
    public void takeFiles(List<Path> files) {
        viewModel.addSources(files);
    }

    @Override
    public String dropHintKey() {
        return "drafting.drop.hint";
    }
}
