package org.hearth.app.cli;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.hearth.app.HearthPaths;
import picocli.CommandLine;

/** Runs a command line and turns every failure into one clear line on stderr and a non-zero exit. */
public final class HearthCli {

    private HearthCli() {
    }

    /**
     * The process's command line. With {@code --json} stdout carries the document and nothing else:
     * whatever a library prints to System.out goes to stderr instead.
     */
    public static int execute(String... args) {
        Optional<List<Path>> desktopFiles = DesktopStart.files(args);
        if (desktopFiles.isPresent()) {
            return openWindow(desktopFiles.get(), new PrintWriter(System.err, true));
        }
        PrintStream stdout = System.out;
        PrintWriter out = new PrintWriter(stdout, true);
        if (!wantsJson(args)) {
            return execute(out, new PrintWriter(System.err, true), args);
        }
        System.setOut(System.err);
        try {
            return execute(out, new PrintWriter(System.err, true), args);
        } finally {
            System.setOut(stdout);
        }
    }

    public static int execute(PrintWriter out, PrintWriter err, String... args) {
        // With --json a failure leaves stdout empty: what the command printed before it failed is dropped.
        StringWriter document = new StringWriter();
        boolean json = wantsJson(args);
        CommandLine cli = new CommandLine(new HearthCommand());
        cli.setOut(json ? new PrintWriter(document, true) : out);
        cli.setErr(err);
        cli.setExecutionStrategy(parsed -> {
            OptionLimits.check(parsed);
            return new CommandLine.RunLast().execute(parsed);
        });
        cli.setParameterExceptionHandler(OptionLimits::oneLine);
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            document.getBuffer().setLength(0);
            commandLine.getErr().println("hearth: " + CliErrors.describe(e));
            org.slf4j.LoggerFactory.getLogger(HearthCli.class).debug("Command failed", e);
            return 1;
        });
        int exitCode = cli.execute(args);
        if (json) {
            out.print(document);
            out.flush();
        }
        return exitCode;
    }

    private static int openWindow(List<Path> files, PrintWriter err) {
        try {
            org.hearth.app.HearthLauncher.openWindow(paths(null), files);
            return 0;
        } catch (RuntimeException e) {
            err.println("hearth: " + CliErrors.describe(e));
            org.slf4j.LoggerFactory.getLogger(HearthCli.class).debug("The window failed", e);
            return 1;
        }
    }

    private static boolean wantsJson(String... args) {
        return Arrays.asList(args).contains("--json");
    }

    /** Prepares the data folder; {@link org.hearth.app.LoggingSetup} has chosen its logs folder for the log already. */
    static HearthPaths paths(Path homeOption) {
        return HearthPaths.resolve(homeOption).prepare();
    }
}
