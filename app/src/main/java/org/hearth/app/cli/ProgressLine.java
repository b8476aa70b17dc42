package org.hearth.app.cli;

import java.io.PrintWriter;

/**
 * A progress line on stderr that rewrites itself, shown only on a terminal so that scripts and
 * {@code --json} consumers get clean output.
 */
final class ProgressLine {

    private final PrintWriter err;
    private final boolean terminal;
    private String last = "";

    ProgressLine(PrintWriter err) {
        this.err = err;
        this.terminal = System.console() != null && System.console().isTerminal();
    }

    void show(String text) {
        if (!terminal || text.equals(last)) {
            return;
        }
        last = text;
        err.print("\r\u001b[2K" + text);
        err.flush();
    }

    void done() {
        if (terminal && !last.isEmpty()) {
            err.print("\r\u001b[2K");
            err.flush();
            last = "";
        }
    }
}
