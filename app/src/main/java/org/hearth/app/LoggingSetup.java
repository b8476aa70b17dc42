package org.hearth.app;

import org.slf4j.LoggerFactory;
import org.slf4j.bridge.SLF4JBridgeHandler;

/**
 * Sends every library's logging to the app's log file: Lucene and the JDK log through
 * java.util.logging, which would otherwise print to stderr (the CLI's error channel). POI and PDFBox
 * reach SLF4J through log4j-to-slf4j on the class path and need nothing here.
 */
public final class LoggingSetup {

    private LoggingSetup() {
    }

    public static void install() {
        SLF4JBridgeHandler.removeHandlersForRootLogger();
        SLF4JBridgeHandler.install();
        // The logger is looked up only when a thread dies, so the log folder chosen later still applies.
        Thread.setDefaultUncaughtExceptionHandler((thread, e) ->
                LoggerFactory.getLogger(LoggingSetup.class).error("Uncaught exception in thread {}", thread.getName(), e));
    }
}
