package org.hearth.app.secrets;

import java.util.Optional;

/**
 * Where Hearth keeps passwords and refresh tokens: the operating system's keychain, never a file of its own.
 *
 * <p>Keys name what the secret is for, e.g. {@code imap.account-3} or {@code oauth.account-3}: 1 to 100 of the
 * characters {@code A-Z a-z 0-9 . _ : -}. Keys show up in the keychain's UI and in messages, so they are ids, never
 * mail addresses or user names (which is also why {@code @} is not allowed).
 *
 * <p>Secrets travel as {@code char[]} so callers can wipe them: a store copies what {@link #put} gets, and the
 * array {@link #get} returns belongs to the caller, who should {@code Arrays.fill} it once done.
 */
public interface SecretStore {

    /** Stores {@code secret} under {@code key}, replacing what was there. */
    void put(String key, char[] secret) throws SecretStoreException;

    /** The secret stored under {@code key}, or empty if there is none. */
    Optional<char[]> get(String key) throws SecretStoreException;

    /** Removes the secret under {@code key}; nothing happens if there is none. */
    void delete(String key) throws SecretStoreException;
}
