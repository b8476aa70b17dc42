package org.hearth.ingest.mail.oauth;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/** {@code application/x-www-form-urlencoded}, for query strings and token request bodies (RFC 6749, appendix B). */
final class FormEncoding {

    private FormEncoding() {
    }

    /** Spaces become {@code %20}, not {@code +}: both are legal in a query, and {@code %20} is read the same by all. */
    static String encode(Map<String, String> fields) {
        StringBuilder out = new StringBuilder();
        fields.forEach((name, value) -> out.append(out.isEmpty() ? "" : "&")
                .append(component(name)).append('=').append(component(value)));
        return out.toString();
    }

    /** The fields of a raw (still encoded) query or form body; a repeated name keeps its first value. */
    static Map<String, String> decode(String raw) {
        Map<String, String> fields = new LinkedHashMap<>();
        if (raw == null || raw.isEmpty()) {
            return fields;
        }
        for (String pair : raw.split("&")) {
            int equals = pair.indexOf('=');
            String name = equals < 0 ? pair : pair.substring(0, equals);
            String value = equals < 0 ? "" : pair.substring(equals + 1);
            try {
                fields.putIfAbsent(URLDecoder.decode(name, StandardCharsets.UTF_8),
                        URLDecoder.decode(value, StandardCharsets.UTF_8));
            } catch (IllegalArgumentException badEscape) {
                // a broken %-escape makes that one field unreadable, not the request
            }
        }
        return fields;
    }

    private static String component(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
