package org.hearth.ingest.process;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The one way Hearth starts a child process (the document worker, secret-tool, a PDF viewer): with
 * the environment minus the variables that hold secrets. A password given as {@code --password-env VAR}
 * stays in this process's environment, and a child inherits the whole environment by default, where
 * any tool it runs and every crash report can read it.
 */
public final class ChildProcesses {

    private static final Set<String> WITHHELD = ConcurrentHashMap.newKeySet();

    private ChildProcesses() {
    }

    /** From now on no child process gets {@code variable}. */
    public static void withhold(String variable) {
        WITHHELD.add(variable);
    }

    public static ProcessBuilder builder(List<String> command) {
        return builder(command, WITHHELD);
    }

    static ProcessBuilder builder(List<String> command, Set<String> withheld) {
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().keySet().removeAll(withheld);
        return builder;
    }
}
