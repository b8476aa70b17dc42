package org.hearth.app.secrets;

/**
 * The keychain could not be used. The message may name the key and the keychain tool, never the secret.
 */
public final class SecretStoreException extends Exception {

    public enum Kind {
        /** There is no keychain to use: the tool is missing or no keyring service answers. */
        UNAVAILABLE,
        /** The keychain is there but refused or failed: locked, access denied, timed out, or an odd answer. */
        FAILED
    }

    private static final long serialVersionUID = 1L;

    private final Kind kind;

    public SecretStoreException(Kind kind, String message) {
        super(message);
        this.kind = kind;
    }

    public SecretStoreException(Kind kind, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }
}
