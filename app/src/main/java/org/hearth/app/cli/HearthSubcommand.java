package org.hearth.app.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.hearth.app.HearthPaths;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * What every job command under {@code hearth} has: the data folder the top command chose, its two streams, and
 * {@code --json}, which promises one JSON document on stdout and nothing else, whatever fails.
 */
abstract class HearthSubcommand implements Callable<Integer> {

    @ParentCommand
    HearthCommand parent;

    @Spec
    CommandSpec spec;

    @Option(names = "--json", description = "Print one JSON document and nothing else.")
    boolean json;

    final HearthPaths paths() {
        return HearthCli.paths(parent.home);
    }

    final PrintWriter out() {
        return spec.commandLine().getOut();
    }

    final PrintWriter err() {
        return spec.commandLine().getErr();
    }

    /** How the egress log names the consent of a job that leaves: {@code --yes}, or a policy without asking. */
    static String consent(boolean yes) {
        return yes ? "cli --yes" : "policy";
    }
}
