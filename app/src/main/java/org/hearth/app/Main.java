package org.hearth.app;

import org.hearth.app.cli.HearthCli;
import org.hearth.app.privacy.NetworkGate;

/** Starts Hearth: the window without arguments, otherwise the command line. */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        LoggingSetup.install(args);
        NetworkGate.install();
        System.exit(HearthCli.execute(args));
    }
}
