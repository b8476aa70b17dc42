package org.hearth.ui;

import java.nio.file.Path;
import org.hearth.ui.service.ExportService;
import org.hearth.ui.service.SummaryJob;

/** Export is not under test here; the window only needs one to exist. */
final class FakeExportService implements ExportService {

    @Override
    public void export(String title, SummaryJob.Result result, Format format, Path target) {
        // nothing to write in a UI test
    }
}
