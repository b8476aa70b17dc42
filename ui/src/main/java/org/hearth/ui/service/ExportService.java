package org.hearth.ui.service;

import java.nio.file.Path;

/** Writes a summary where the user chose. */
public interface ExportService {

    enum Format { DOCX, MARKDOWN }

    /** Writes the file; a failure is thrown with a message worded for the user. */
    void export(String title, SummaryJob.Result result, Format format, Path target) throws java.io.IOException;
}
