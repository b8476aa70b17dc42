package org.hearth.app.cli;

import org.hearth.ingest.process.ChildProcesses;

/**
 * Where the CLI takes passwords from: an environment variable named on the command line (the
 * password itself on the command line would show in every user's process list). The variable is
 * then withheld from every child process the app starts.
 */
final class PasswordSources {

    private PasswordSources() {
    }

    static char[] fromEnvironment(String variable) {
        String value = System.getenv(variable);
        if (value == null) {
            throw new IllegalArgumentException("the environment variable " + variable + " is not set");
        }
        ChildProcesses.withhold(variable);
        return value.toCharArray();
    }
}
