package org.hearth.app.mail;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import org.hearth.ingest.mail.oauth.OAuthProvider;
import org.hearth.ui.service.InboxService.SignIn;

/**
 * The OAuth apps Hearth signs in with. Microsoft 365 and Google only let registered apps read mail, and the
 * registration belongs to whoever operates it: the firm registers Hearth in its own tenant or Google project and
 * puts the client id into {@code oauth.properties} in Hearth's data folder (or the environment), so no sign-in
 * depends on a third party's app.
 *
 * <pre>
 * microsoft365.client-id = 00000000-0000-0000-0000-000000000000
 * google.client-id = 1234-abc.apps.googleusercontent.com
 * google.client-secret = GOCSPX-…   (Google's "installed app" secret, not confidential by Google's own design)
 * </pre>
 */
public final class OAuthClients implements OAuthApps {

    private final Properties properties = new Properties();

    /**
     * The apps set in {@code oauth.properties} in Hearth's data folder (or the environment), read at each sign-in so
     * a firm can add its client id without restarting Hearth.
     */
    public static OAuthApps inDataFolder(Path home) {
        return method -> {
            try {
                return load(home.resolve("oauth.properties"), System.getenv()).provider(method);
            } catch (IOException e) {
                throw new UncheckedIOException("Hearth cannot read oauth.properties: " + e.getMessage(), e);
            }
        };
    }

    /** Reads {@code file} if it exists; the environment ({@code HEARTH_MICROSOFT365_CLIENT_ID}, …) fills the gaps. */
    public static OAuthClients load(Path file, Map<String, String> environment) throws IOException {
        OAuthClients clients = new OAuthClients();
        if (Files.isRegularFile(file)) {
            try (InputStream in = Files.newInputStream(file)) {
                clients.properties.load(in);
            }
        }
        for (String key : new String[] {"microsoft365.client-id", "google.client-id", "google.client-secret"}) {
            String variable = "HEARTH_" + key.replace('.', '_').replace('-', '_').toUpperCase(java.util.Locale.ROOT);
            if (!clients.properties.containsKey(key) && environment.containsKey(variable)) {
                clients.properties.setProperty(key, environment.get(variable));
            }
        }
        return clients;
    }

    @Override
    public OAuthProvider provider(SignIn method) {
        return switch (method) {
            case MICROSOFT_365 -> OAuthProvider.microsoft365(required("microsoft365.client-id"));
            case GOOGLE -> OAuthProvider.google(required("google.client-id"), Optional.ofNullable(properties.getProperty("google.client-secret")).orElse(""));
            case PASSWORD -> throw new IllegalArgumentException("a password account has no OAuth app");
        };
    }

    private String required(String key) {
        String value = properties.getProperty(key, "").strip();
        if (value.isEmpty()) {
            throw new NotSetUpException("No OAuth client id is set for this provider: register Hearth as an app in your "
                    + "firm's Microsoft 365 tenant or Google project and put " + key + " into oauth.properties in Hearth's data folder");
        }
        return value;
    }

    /** The firm has not registered Hearth for this sign-in; the window then does not offer it. */
    public static final class NotSetUpException extends IllegalStateException {

        private static final long serialVersionUID = 1L;

        NotSetUpException(String message) {
            super(message);
        }
    }
}
