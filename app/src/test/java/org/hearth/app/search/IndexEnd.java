package org.hearth.app.search;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.hearth.ui.service.SearchService.IndexJob;

/** An indexing run's progress (files done) and its summary. */
final class IndexEnd extends JobEnd<IndexJob.Summary> implements IndexJob.Listener {

    final List<Long> progress = new CopyOnWriteArrayList<>();

    @Override
    public void progress(long filesDone, long filesTotal, String currentFile) {
        progress.add(filesDone);
    }

    @Override
    public void done(IndexJob.Summary summary) {
        end.complete(summary);
    }
}
