package org.hearth.assistant.engine.remote;

import java.util.Arrays;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The bearer key a server wants, asked for each request so that the secret store stays its owner. Never
 * printed: {@link #toString()} hides it and no message of this package contains it.
 */
public final class ApiKey {

    private static final ApiKey NONE = new ApiKey(() -> null);

    private final Supplier<char[]> source;

    private ApiKey(Supplier<char[]> source) {
        this.source = source;
    }

    public static ApiKey none() {
        return NONE;
    }

    /** A key the caller keeps; {@code key} is copied, so the caller may wipe its array. */
    public static ApiKey of(char[] key) {
        char[] copy = key.clone();
        return new ApiKey(copy::clone);
    }

    /**
     * A key looked up for every request, e.g. from the secret store; null or empty means none. The supplier
     * must hand out a fresh array each time: it is wiped once the header is built.
     */
    public static ApiKey from(Supplier<char[]> source) {
        return new ApiKey(source);
    }

    /** The {@code Authorization} header's value, if there is a key. */
    Optional<String> bearer() {
        char[] key = source.get();
        if (key == null || key.length == 0) {
            return Optional.empty();
        }
        try {
            return Optional.of("Bearer " + new String(key));
        } finally {
            Arrays.fill(key, '\0');
        }
    }

    @Override
    public String toString() {
        return "ApiKey[hidden]";
    }
}
