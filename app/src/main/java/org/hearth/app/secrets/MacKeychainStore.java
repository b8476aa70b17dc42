package org.hearth.app.secrets;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.hearth.app.secrets.SecretStoreException.Kind;

/**
 * macOS: generic passwords in the login keychain through {@code /usr/bin/security}, service {@code hearth},
 * account {@code <key>}. Untested on a real Mac: the tests run it against a fake {@code security}.
 *
 * <p>{@code security add-generic-password} only takes the password as an argument ({@code -w}), so Hearth runs
 * {@code security -i} and writes that command line on its stdin instead: the password never shows in the process
 * list. In that mode {@code security} splits lines itself (double quotes, backslash escapes), reads lines of at most
 * 4096 bytes and exits with the status of the last command. The value is stored Base64-encoded (of its UTF-8):
 * plain ASCII with nothing to quote on that line, and {@code find-generic-password -w} prints it unchanged whatever
 * characters the password has. Items {@code security} created are readable by {@code security} without a prompt.
 */
public final class MacKeychainStore implements SecretStore {

    private static final String TOOL = "security";
    private static final String SERVICE = "hearth";
    /** {@code errSecItemNotFound} as {@code security}'s exit status. */
    private static final int ITEM_NOT_FOUND = 44;
    /** {@code security -i} reads at most 4096 bytes a line. */
    private static final int MAX_LINE_BYTES = 4000;
    private static final Duration TIMEOUT = Duration.ofMinutes(2);

    private final Path security;
    private final Duration timeout;

    public MacKeychainStore(Path security) {
        this(security, TIMEOUT);
    }

    MacKeychainStore(Path security, Duration timeout) {
        this.security = Objects.requireNonNull(security, "security");
        this.timeout = Objects.requireNonNull(timeout, "timeout");
    }

    @Override
    public void put(String key, char[] secret) throws SecretStoreException {
        String checked = SecretKeys.check(key);
        byte[] utf8 = SecretBytes.utf8(secret);
        byte[] base64 = Base64.getEncoder().encode(utf8);
        byte[] line = addCommand(checked, base64);
        try {
            if (line.length > MAX_LINE_BYTES) {
                throw new SecretStoreException(Kind.FAILED, "The secret for " + checked + " is too long for the keychain tool");
            }
            KeychainProcess.Result result = KeychainProcess.run(TOOL, List.of(security.toString(), "-i"), line, timeout);
            if (result.exitCode() != 0) {
                String detail = result.detail();
                boolean quiet = detail.isEmpty() || quotes(detail, base64, secret);
                throw new SecretStoreException(Kind.FAILED, "The keychain refused to store " + checked + " (exit "
                        + result.exitCode() + ")" + (quiet ? "" : ": " + detail));
            }
        } finally {
            Arrays.fill(utf8, (byte) 0);
            Arrays.fill(base64, (byte) 0);
            Arrays.fill(line, (byte) 0);
        }
    }

    @Override
    public Optional<char[]> get(String key) throws SecretStoreException {
        String checked = SecretKeys.check(key);
        KeychainProcess.Result result = KeychainProcess.run(TOOL,
                List.of(security.toString(), "find-generic-password", "-s", SERVICE, "-a", checked, "-w"), new byte[0], timeout);
        try {
            if (result.exitCode() == ITEM_NOT_FOUND) {
                return Optional.empty();
            }
            if (result.exitCode() != 0) {
                throw new SecretStoreException(Kind.FAILED, "The keychain did not give " + checked + " (exit "
                        + result.exitCode() + "): " + result.detail());
            }
            return Optional.of(decode(result.stdout(), checked));
        } finally {
            result.wipe();
        }
    }

    @Override
    public void delete(String key) throws SecretStoreException {
        String checked = SecretKeys.check(key);
        KeychainProcess.Result result = KeychainProcess.run(TOOL,
                List.of(security.toString(), "delete-generic-password", "-s", SERVICE, "-a", checked), new byte[0], timeout);
        result.wipe();
        if (result.exitCode() != 0 && result.exitCode() != ITEM_NOT_FOUND) {
            throw new SecretStoreException(Kind.FAILED, "The keychain did not remove " + checked + " (exit "
                    + result.exitCode() + "): " + result.detail());
        }
    }

    /**
     * {@code add-generic-password -U -s "hearth" -a "KEY" -l "Hearth KEY" -w "BASE64"} and a newline; {@code -U}
     * replaces an existing item. The Base64 alphabet has no quote or backslash, so it goes between quotes as is.
     */
    private static byte[] addCommand(String key, byte[] base64) {
        byte[] head = ("add-generic-password -U -s " + quoted(SERVICE) + " -a " + quoted(key) + " -l "
                + quoted("Hearth " + key) + " -w \"").getBytes(StandardCharsets.UTF_8);
        byte[] tail = "\"\n".getBytes(StandardCharsets.US_ASCII);
        byte[] line = Arrays.copyOf(head, head.length + base64.length + tail.length);
        System.arraycopy(base64, 0, line, head.length, base64.length);
        System.arraycopy(tail, 0, line, head.length + base64.length, tail.length);
        return line;
    }

    /** Quoting as {@code security -i} reads it: inside double quotes a backslash takes the next character as is. */
    static String quoted(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    private static boolean quotes(String detail, byte[] base64, char[] secret) {
        CharBuffer base64Text = StandardCharsets.US_ASCII.decode(ByteBuffer.wrap(base64));
        try {
            return detail.contains(base64Text) || (secret.length > 0 && detail.contains(CharBuffer.wrap(secret)));
        } finally {
            Arrays.fill(base64Text.array(), '\0');
        }
    }

    /** {@code -w} prints the password and a newline. */
    private static char[] decode(byte[] stdout, String key) throws SecretStoreException {
        int end = stdout.length;
        while (end > 0 && (stdout[end - 1] == '\n' || stdout[end - 1] == '\r')) {
            end--;
        }
        ByteBuffer utf8;
        try {
            utf8 = Base64.getDecoder().decode(ByteBuffer.wrap(stdout, 0, end));
        } catch (IllegalArgumentException notBase64) {
            throw new SecretStoreException(Kind.FAILED, "The keychain item " + key + " was not written by Hearth");
        }
        try {
            char[] secret = SecretBytes.fromUtf8(utf8.array(), utf8.limit());
            if (secret == null) {
                throw new SecretStoreException(Kind.FAILED, "The keychain item " + key + " is not text");
            }
            return secret;
        } finally {
            Arrays.fill(utf8.array(), (byte) 0);
        }
    }
}
