package org.hearth.app.cli;

import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;

/** The one line a user sees for a failure: the exception's own message, never a stack trace. */
final class CliErrors {

    private CliErrors() {
    }

    static String describe(Throwable e) {
        if (e instanceof NoSuchFileException missing) {
            return "file not found: " + missing.getFile();
        }
        if (e instanceof AccessDeniedException denied) {
            return "permission denied: " + denied.getFile();
        }
        String message = e.getMessage();
        if (message == null || message.isBlank()) {
            return e.getClass().getSimpleName();
        }
        return message;
    }
}
