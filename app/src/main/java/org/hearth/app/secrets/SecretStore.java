package org.hearth.app.secrets;

import java.util.Optional;

/** PLACEHOLDER until the keychain branch lands (same contract). */
public interface SecretStore {
    void put(String key, char[] secret);

    Optional<char[]> get(String key);

    void delete(String key);
}
