package org.hearth.app.secrets;

import java.util.regex.Pattern;

/**
 * The key rules of {@link SecretStore}. The narrow alphabet also means a key never needs quoting on a keychain
 * tool's command line or in a script.
 */
final class SecretKeys {

    private static final Pattern KEY = Pattern.compile("[A-Za-z0-9._:-]{1,100}");

    private SecretKeys() {
    }

    static String check(String key) {
        if (key == null || !KEY.matcher(key).matches()) {
            throw new IllegalArgumentException("a secret key is 1 to 100 of A-Z a-z 0-9 . _ : - (an id, not an address)");
        }
        return key;
    }
}
