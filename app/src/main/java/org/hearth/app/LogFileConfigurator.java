package org.hearth.app;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.classic.spi.ConfiguratorRank;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.rolling.FixedWindowRollingPolicy;
import ch.qos.logback.core.rolling.RollingFileAppender;
import ch.qos.logback.core.rolling.SizeBasedTriggeringPolicy;
import ch.qos.logback.core.spi.ContextAwareBase;
import ch.qos.logback.core.status.NopStatusListener;
import ch.qos.logback.core.util.FileSize;
import java.io.IOException;
import java.nio.file.Path;
import org.slf4j.Logger;

/**
 * The app's log: a file in the data folder's private logs folder, three rotated files of 10 MB, INFO and up. The
 * CLI's stdout is its output and stderr its one-line errors, so nothing goes to the console. Never log document or
 * mail content; llama.cpp's own lines arrive under the logger "llama.cpp".
 *
 * <p>Written in code rather than a logback.xml: parsing one costs the window a third of a second at every start.
 * Logback asks configurators found this way before it looks for files, so this one steps aside for a
 * {@code logback-test.xml} in tests and for the document worker's {@code logback.configurationFile}.
 */
@ConfiguratorRank(ConfiguratorRank.NOMINAL)
public final class LogFileConfigurator extends ContextAwareBase implements Configurator {

    static final long MAX_FILE_BYTES = 10L << 20;

    @Override
    public ExecutionStatus configure(LoggerContext context) {
        if (System.getProperty("logback.configurationFile") != null
                || LogFileConfigurator.class.getClassLoader().getResource("logback-test.xml") != null) {
            return ExecutionStatus.INVOKE_NEXT_IF_ANY;
        }
        // logback prints its own problems (a folder it cannot create) to stdout, where they would break --json
        context.getStatusManager().add(new NopStatusListener());
        Path folder = LoggingSetup.logFolder();
        try {
            HearthPaths.createPrivate(folder.toAbsolutePath().getParent());
            HearthPaths.createPrivate(folder);
        } catch (IOException | RuntimeException e) {
            // no log rather than a log where others can read it; the app itself goes on
            return ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY;
        }
        PatternLayoutEncoder encoder = new PatternLayoutEncoder();
        encoder.setContext(context);
        encoder.setPattern("%d{ISO8601} %-5level [%thread] %logger{36} - %msg%n");
        encoder.start();

        RollingFileAppender<ILoggingEvent> file = new RollingFileAppender<>();
        file.setContext(context);
        file.setName("FILE");
        file.setFile(folder.resolve("hearth.log").toString());
        FixedWindowRollingPolicy rolling = new FixedWindowRollingPolicy();
        rolling.setContext(context);
        rolling.setParent(file);
        rolling.setFileNamePattern(folder.resolve("hearth.%i.log").toString());
        rolling.setMinIndex(1);
        rolling.setMaxIndex(3);
        rolling.start();
        SizeBasedTriggeringPolicy<ILoggingEvent> trigger = new SizeBasedTriggeringPolicy<>();
        trigger.setContext(context);
        trigger.setMaxFileSize(new FileSize(MAX_FILE_BYTES));
        trigger.start();
        file.setRollingPolicy(rolling);
        file.setTriggeringPolicy(trigger);
        file.setEncoder(encoder);
        file.start();

        ch.qos.logback.classic.Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
        root.setLevel(Level.INFO);
        root.addAppender(file);
        context.getLogger("llama.cpp").setLevel(Level.INFO);
        // poi-tl logs each block and tag it renders at INFO and DEBUG; a template's filled blocks hold client data
        context.getLogger("com.deepoove").setLevel(Level.WARN);
        return ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY;
    }
}
