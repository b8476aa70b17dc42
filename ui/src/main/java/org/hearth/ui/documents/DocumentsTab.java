package org.hearth.ui.documents;

import java.nio.file.Path;
import java.util.List;
import javafx.beans.value.ObservableIntegerValue;
import javafx.scene.Node;
import org.hearth.ui.common.Icons;
import org.hearth.ui.common.Localization;
import org.hearth.ui.service.ExportService;
import org.hearth.ui.service.SummaryService;
import org.hearth.ui.tab.Tab;
import org.hearth.ui.tab.TabDefinition;

/** The Documents tab: the queue of files to summarise. Dropped files land here, and the window opens on it. */
public final class DocumentsTab implements Tab {

    private final DocumentsViewModel viewModel;

    private DocumentsTab(DocumentsViewModel viewModel) {
        this.viewModel = viewModel;
    }

    public static TabDefinition of(SummaryService summaries, ExportService exports) {
        return context -> new DocumentsTab(
                new DocumentsViewModel(summaries, exports, context.runningTasks(), context.background(), context.openSetup()));
    }

    @Override
    public String id() {
        return "documents";
    }

    @Override
    public String labelKey() {
        return "nav.documents";
    }

    @Override
    public Node icon() {
        return Icons.document();
    }

    /** The files queued or being summarised. */
    @Override
    public ObservableIntegerValue badge() {
        return viewModel.activeCount();
    }

    @Override
    public Node createView(Localization localization) {
        return new DocumentsView(localization, viewModel);
    }

    @Override
    public boolean opensAtStart() {
        return true;
    }

    @Override
    public boolean takesFiles() {
        return true;
    }

    @Override
    public void takeFiles(List<Path> files) {
        viewModel.addFiles(files);
    }

    @Override
    public ObservableIntegerValue filesWaitingForModel() {
        return viewModel.activeCount();
    }
}
