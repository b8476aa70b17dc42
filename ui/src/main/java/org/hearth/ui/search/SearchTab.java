package org.hearth.ui.search;

import java.nio.file.Path;
import javafx.scene.Node;
import org.hearth.ui.common.Icons;
import org.hearth.ui.common.Localization;
import org.hearth.ui.service.SearchService;
import org.hearth.ui.tab.Tab;
import org.hearth.ui.tab.TabDefinition;

/** The Search tab: the user's collections of folders, the passages found and the answers with citations. */
public final class SearchTab implements Tab {

    private final SearchViewModel viewModel;

    private SearchTab(SearchViewModel viewModel) {
        this.viewModel = viewModel;
    }

    public static TabDefinition of(SearchService service) {
        return context -> new SearchTab(new SearchViewModel(service, context.runningTasks(), context.background()));
    }

    @Override
    public String id() {
        return "search";
    }

    @Override
    public String labelKey() {
        return "nav.search";
    }

    @Override
    public Node icon() {
        return Icons.search();
    }

    @Override
    public Node createView(Localization localization) {
        return new SearchView(localization, viewModel);
    }

    /** Shows the collections' counts as they are now. */
    @Override
    public void opened() {
        viewModel.reload();
    }

    /** A dropped folder: the tab asks which collection it joins. */
    @Override
    public boolean takesFolders() {
        return true;
    }

    @Override
    public void takeFolder(Path folder) {
        viewModel.offerFolder(folder);
    }
}
