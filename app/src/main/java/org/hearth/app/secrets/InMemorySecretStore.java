package org.hearth.app.secrets;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Secrets for as long as the process lives: for tests, and for one-off command line runs that take the password
 * from an environment variable ({@code --password-env}) and must not leave it anywhere.
 */
public final class InMemorySecretStore implements SecretStore {

    /** Guarded by {@code this}, so a secret is never wiped while another thread copies it. */
    private final Map<String, char[]> secrets = new HashMap<>();

    @Override
    public synchronized void put(String key, char[] secret) {
        char[] replaced = secrets.put(SecretKeys.check(key), secret.clone());
        wipe(replaced);
    }

    @Override
    public synchronized Optional<char[]> get(String key) {
        return Optional.ofNullable(secrets.get(SecretKeys.check(key))).map(char[]::clone);
    }

    @Override
    public synchronized void delete(String key) {
        wipe(secrets.remove(SecretKeys.check(key)));
    }

    private static void wipe(char[] secret) {
        if (secret != null) {
            Arrays.fill(secret, '\0');
        }
    }
}
