package org.hearth.app.secrets;

import java.nio.CharBuffer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import org.hearth.app.secrets.SecretStoreException.Kind;

/**
 * Linux (and the BSDs): the freedesktop Secret Service (GNOME Keyring, KWallet, KeePassXC) through libsecret's
 * {@code secret-tool}. Items carry the attributes {@code service=hearth} and {@code key=<key>}.
 *
 * <p>{@code secret-tool store} reads the secret from stdin when stdin is not a terminal, byte for byte, and
 * {@code lookup} writes it to stdout the same way (a newline only on a terminal), so the round trip is exact.
 * {@code lookup} exits with 1 and says nothing when there is no such item, and with 1 and a message on errors.
 */
public final class SecretToolStore implements SecretStore {

    private static final String TOOL = "secret-tool";
    /** Enough for the user to type the keyring password into an unlock prompt. */
    private static final Duration TIMEOUT = Duration.ofMinutes(2);
    /** Older secret-tool versions read at most 8192 bytes from stdin and silently drop the rest. */
    private static final int MAX_SECRET_BYTES = 8191;

    private final Path secretTool;
    private final Duration timeout;

    public SecretToolStore(Path secretTool) {
        this(secretTool, TIMEOUT);
    }

    SecretToolStore(Path secretTool, Duration timeout) {
        this.secretTool = Objects.requireNonNull(secretTool, "secretTool");
        this.timeout = Objects.requireNonNull(timeout, "timeout");
    }

    @Override
    public void put(String key, char[] secret) throws SecretStoreException {
        String checked = SecretKeys.check(key);
        byte[] bytes = SecretBytes.utf8(secret);
        try {
            if (bytes.length > MAX_SECRET_BYTES) {
                throw new SecretStoreException(Kind.FAILED, "The secret for " + checked + " is longer than the "
                        + MAX_SECRET_BYTES + " bytes secret-tool takes");
            }
            KeychainProcess.Result result = run("store", checked, bytes);
            if (result.exitCode() != 0) {
                throw failure("store", checked, result, secret);
            }
        } finally {
            Arrays.fill(bytes, (byte) 0);
        }
    }

    @Override
    public Optional<char[]> get(String key) throws SecretStoreException {
        String checked = SecretKeys.check(key);
        KeychainProcess.Result result = run("lookup", checked, new byte[0]);
        try {
            if (result.exitCode() == 0) {
                char[] secret = SecretBytes.fromUtf8(result.stdout(), result.stdout().length);
                if (secret == null) {
                    throw new SecretStoreException(Kind.FAILED, "The keyring item " + checked + " is not text");
                }
                return Optional.of(secret);
            }
            if (result.exitCode() == 1 && result.stderr().isBlank()) {
                return Optional.empty();
            }
            throw failure("look up", checked, result, new char[0]);
        } finally {
            result.wipe();
        }
    }

    @Override
    public void delete(String key) throws SecretStoreException {
        String checked = SecretKeys.check(key);
        KeychainProcess.Result result = run("clear", checked, new byte[0]);
        // "nothing matched" is silent, like lookup's
        if (result.exitCode() != 0 && !(result.exitCode() == 1 && result.stderr().isBlank())) {
            throw failure("remove", checked, result, new char[0]);
        }
    }

    /** {@code secret-tool ACTION [--label=...] service hearth key KEY}; only store takes (and needs) a label. */
    private KeychainProcess.Result run(String action, String key, byte[] stdin) throws SecretStoreException {
        List<String> command = new ArrayList<>(List.of(secretTool.toString(), action));
        if (action.equals("store")) {
            command.add("--label=Hearth " + key);
        }
        command.addAll(List.of("service", "hearth", "key", key));
        return KeychainProcess.run(TOOL, command, stdin, timeout);
    }

    /**
     * A failed call. Without a running keyring service (no D-Bus session, nothing owning
     * {@code org.freedesktop.secrets}) the tool says so, and that is {@link Kind#UNAVAILABLE}.
     */
    private static SecretStoreException failure(String action, String key, KeychainProcess.Result result, char[] secret) {
        String detail = result.detail();
        if (secret.length > 0 && detail.contains(CharBuffer.wrap(secret))) {
            detail = "(its message repeated the secret and is not shown)";
        }
        String lower = detail.toLowerCase(Locale.ROOT);
        boolean noKeyring = lower.contains("d-bus") || lower.contains("dbus") || lower.contains("org.freedesktop.secrets");
        return new SecretStoreException(noKeyring ? Kind.UNAVAILABLE : Kind.FAILED, "secret-tool could not " + action
                + " the secret " + key + " (exit " + result.exitCode() + "): " + detail
                + (noKeyring ? "; is a keyring such as GNOME Keyring running?" : ""));
    }
}
