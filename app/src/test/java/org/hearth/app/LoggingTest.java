package org.hearth.app;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.hearth.fixtures.documents.TestDocx;
import org.hearth.ingest.document.IsolatedDocumentReader;
import org.hearth.ingest.document.ReadOptions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/** What POI, PDFBox and Lucene log reaches Hearth's log, in the app and in the document worker. */
class LoggingTest {

    private final Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    private final ListAppender<ILoggingEvent> appender = new ListAppender<>();

    @TempDir
    Path dir;

    @BeforeEach
    void listen() {
        appender.start();
        root.addAppender(appender);
    }

    @AfterEach
    void stopListening() {
        root.detachAppender(appender);
    }

    @Test
    void poiWarningsThroughTheLog4jApiReachLogback() {
        org.apache.logging.log4j.LogManager.getLogger("org.apache.poi.LoggingTest").warn("a POI warning");

        assertThat(messages()).contains("a POI warning");
    }

    @Test
    void pdfboxWarningsThroughCommonsLoggingReachLogback() {
        org.apache.commons.logging.LogFactory.getLog("org.apache.pdfbox.LoggingTest").warn("a PDFBox warning");

        assertThat(messages()).contains("a PDFBox warning");
    }

    @Test
    void javaUtilLoggingReachesLogbackOnceInstalled() {
        LoggingSetup.install();

        java.util.logging.Logger.getLogger("org.apache.lucene.LoggingTest").warning("a Lucene warning");

        assertThat(messages()).contains("a Lucene warning");
    }

    @Test
    void theDocumentWorkerLogsToTheLogFolderWithALoggingProvider() throws Exception {
        Path logs = dir.resolve("logs");
        String previous = System.setProperty("hearth.log.dir", logs.toString());
        try (IsolatedDocumentReader reader = new IsolatedDocumentReader(IsolatedDocumentReader.Limits.defaults())) {
            reader.read(TestDocx.pleading(dir), ReadOptions.none(), (done, total) -> { }, () -> false);
        } finally {
            if (previous == null) {
                System.clearProperty("hearth.log.dir");
            } else {
                System.setProperty("hearth.log.dir", previous);
            }
        }

        String log = Files.readString(logs.resolve("document-worker.log"));
        assertThat(log).contains("Document worker").doesNotContain("could not find a logging provider").doesNotContain("SLF4J");
    }

    private List<String> messages() {
        return appender.list.stream().map(ILoggingEvent::getFormattedMessage).toList();
    }
}
