package org.hearth.ingest.document;

import java.util.Optional;

/** How to open a document: the password the user entered for a protected file, if any. */
public record ReadOptions(Optional<String> password) {

    public ReadOptions {
        password = password == null ? Optional.empty() : password;
    }

    public static ReadOptions none() {
        return new ReadOptions(Optional.empty());
    }

    public static ReadOptions withPassword(String password) {
        return new ReadOptions(Optional.of(password));
    }

    /** Never the password itself: options end up in debug output more easily than one thinks. */
    @Override
    public String toString() {
        return password.isPresent() ? "ReadOptions[password=***]" : "ReadOptions[no password]";
    }
}
