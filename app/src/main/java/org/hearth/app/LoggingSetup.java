package org.hearth.app;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import org.slf4j.LoggerFactory;
import org.slf4j.bridge.SLF4JBridgeHandler;

/**
 * Sends every library's logging to the app's log file in the data folder: Lucene and the JDK log through
 * java.util.logging, which would otherwise print to stderr (the CLI's error channel). POI and PDFBox reach SLF4J
 * through log4j-to-slf4j on the class path and need nothing here.
 */
public final class LoggingSetup {

    /** The log folder, for {@link LogFileConfigurator} and the document worker's own log. */
    static final String LOG_DIR_PROPERTY = "hearth.log.dir";
    private static final String SLF4J_VERBOSITY = "slf4j.internal.verbosity";

    private LoggingSetup() {
    }

    /**
     * Chooses the log folder from the command line's {@code --home}, before anything creates a logger: logback opens
     * its file with the first one, and a class with a static logger may be loaded before the command line is parsed.
     */
    public static void install(String... args) {
        if (System.getProperty(LOG_DIR_PROPERTY) == null) {
            System.setProperty(LOG_DIR_PROPERTY, HearthPaths.resolve(homeIn(args)).logs().toString());
        }
        // Setting up logback takes a fifth of a second, which the window's start need not wait for: loggers asked for
        // meanwhile are stand-ins that pass their events on once it is done. SLF4J would say so on stderr each time
        // (JavaFX logs a line while the toolkit starts); its errors still come through.
        if (System.getProperty(SLF4J_VERBOSITY) == null) {
            System.setProperty(SLF4J_VERBOSITY, "ERROR");
        }
        Thread.ofPlatform().daemon().name("hearth-log-setup").start(LoggerFactory::getILoggerFactory);
        SLF4JBridgeHandler.removeHandlersForRootLogger();
        SLF4JBridgeHandler.install();
        Thread.setDefaultUncaughtExceptionHandler((thread, e) ->
                LoggerFactory.getLogger(LoggingSetup.class).error("Uncaught exception in thread {}", thread.getName(), e));
    }

    static Path logFolder() {
        String chosen = System.getProperty(LOG_DIR_PROPERTY);
        return chosen != null ? Path.of(chosen) : HearthPaths.resolve(null).logs();
    }

    /** The value of {@code --home DIR} or {@code --home=DIR}, wherever the option stands; null without one. */
    static Path homeIn(String... args) {
        try {
            for (int i = 0; i < args.length; i++) {
                if (args[i].equals("--")) {
                    return null;
                }
                if (args[i].equals("--home") && i + 1 < args.length) {
                    return Path.of(args[i + 1]);
                }
                if (args[i].startsWith("--home=")) {
                    return Path.of(args[i].substring("--home=".length()));
                }
            }
        } catch (InvalidPathException e) {
            // the command line reports it when it parses the option
        }
        return null;
    }
}
