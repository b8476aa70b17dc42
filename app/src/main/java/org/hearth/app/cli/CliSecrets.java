package org.hearth.app.cli;

import org.hearth.app.secrets.SecretStore;

/** The keychain for CLI commands, looked up only when a command needs a saved secret. */
final class CliSecrets {

    private CliSecrets() {
    }

    static SecretStore store() {
        throw new UnsupportedOperationException("PLACEHOLDER until the keychain branch lands");
    }
}
