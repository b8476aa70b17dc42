package org.hearth.app.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import org.hearth.app.HearthPaths;
import picocli.CommandLine;

/** Runs a command line and turns every failure into one clear line on stderr and a non-zero exit. */
public final class HearthCli {

    private HearthCli() {
    }

    public static int execute(String... args) {
        return execute(new PrintWriter(System.out, true), new PrintWriter(System.err, true), args);
    }

    public static int execute(PrintWriter out, PrintWriter err, String... args) {
        CommandLine cli = new CommandLine(new HearthCommand());
        cli.setOut(out);
        cli.setErr(err);
        cli.setExecutionStrategy(parsed -> {
            OptionLimits.check(parsed);
            return new CommandLine.RunLast().execute(parsed);
        });
        cli.setParameterExceptionHandler(OptionLimits::oneLine);
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            commandLine.getErr().println("hearth: " + CliErrors.describe(e));
            org.slf4j.LoggerFactory.getLogger(HearthCli.class).debug("Command failed", e);
            return 1;
        });
        return cli.execute(args);
    }

    /** Points the log file at the home's logs folder before the first logger is created. */
    static HearthPaths paths(Path homeOption) {
        HearthPaths paths = HearthPaths.resolve(homeOption);
        if (System.getProperty("hearth.log.dir") == null) {
            System.setProperty("hearth.log.dir", paths.logs().toString());
        }
        return paths;
    }
}
