package org.hearth.app.secrets;

/**
 * Opens the secret store when a secret is first needed: a run with a password from the environment never touches
 * the keychain, and a machine without one fails only where one is required.
 */
@FunctionalInterface
public interface Keychain {

    SecretStore open() throws SecretStoreException;

    /** The operating system's keychain. */
    static Keychain system() {
        return SecretStores::forThisSystem;
    }
}
