package org.hearth.app.export;

import java.io.IOException;
import java.nio.file.Path;
import org.hearth.ui.service.ExportService;
import org.hearth.ui.service.SummaryJob;

/** The window's export: the summary's text through {@link SummaryExporter}. */
public final class SummaryExportService implements ExportService {

    private final SummaryExporter exporter = new SummaryExporter();

    @Override
    public void export(String title, SummaryJob.Result result, Format format, Path target) throws IOException {
        exporter.export(title, result.text(), switch (format) {
            case DOCX -> SummaryExporter.Format.DOCX;
            case MARKDOWN -> SummaryExporter.Format.MARKDOWN;
        }, target);
    }
}
