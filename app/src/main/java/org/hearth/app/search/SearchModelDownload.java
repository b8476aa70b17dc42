package org.hearth.app.search;

import java.nio.file.Path;
import org.hearth.assistant.model.DownloadCancellation;
import org.hearth.assistant.model.DownloadException;
import org.hearth.assistant.model.DownloadListener;

/** Fetches the catalog's embedding model into the models folder (resuming a partial download); the app's model service does it. */
@FunctionalInterface
public interface SearchModelDownload {

    /** @return the installed model file */
    Path download(DownloadListener listener, DownloadCancellation cancellation) throws DownloadException;
}
