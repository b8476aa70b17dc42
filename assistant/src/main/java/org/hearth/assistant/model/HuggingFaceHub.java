package org.hearth.assistant.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.hearth.domain.OnFirstUse;

/**
 * Talks to the Hugging Face Hub, or anything that answers like it at a configurable base address.
 *
 * <p>The checksum comes from the Hub's documented file listing, {@code GET /api/models/{repo}/tree/{revision}}
 * (Hub API / OpenAPI reference; the same endpoint huggingface.js {@code listFiles} reads): each large file's entry
 * carries {@code lfs.oid}, the SHA-256 of the whole file, and {@code lfs.size}. Listings are paged with a
 * {@code Link: <…>; rel="next"} header. File bytes come from {@code /{repo}/resolve/{revision}/{file}}, which
 * redirects to a CDN and honours {@code Range}.
 *
 * <p>Only the host is ever put into messages; never a full address.
 */
public final class HuggingFaceHub {

    public static final URI DEFAULT_BASE_URI = URI.create("https://huggingface.co");

    private static final String REVISION = "main";
    private static final Duration ANSWER_TIMEOUT = Duration.ofSeconds(60);
    private static final Pattern NEXT_PAGE = Pattern.compile("<([^>]+)>\\s*;\\s*rel=\"next\"");
    private static final Pattern SHA256_HEX = Pattern.compile("[0-9a-f]{64}");

    private final Supplier<HttpClient> http;
    private final URI baseUri;
    private final ObjectMapper json = new ObjectMapper();

    /** @param baseUri the hub's address, e.g. {@link #DEFAULT_BASE_URI}; tests point it at a loopback server */
    public HuggingFaceHub(HttpClient http, URI baseUri) {
        this(() -> http, baseUri);
    }

    private HuggingFaceHub(Supplier<HttpClient> http, URI baseUri) {
        this.http = http;
        this.baseUri = baseUri;
    }

    /**
     * The hub over {@link #defaultHttpClient()}, made at the first request: a new client sets up TLS (a tenth of a
     * second and more), which a window that may never download anything need not wait for at its start.
     */
    public static HuggingFaceHub withDefaultClient(URI baseUri) {
        return new HuggingFaceHub(new OnFirstUse<>(HuggingFaceHub::defaultHttpClient), baseUri);
    }

    /** An HTTP client for the hub: follows the CDN redirect, gives up connecting after 30 seconds. */
    public static HttpClient defaultHttpClient() {
        return HttpClient.newBuilder()
                .followRedirects(HttpClient.Redirect.NORMAL)
                .connectTimeout(Duration.ofSeconds(30))
                .build();
    }

    /** Where the hub is; downloads are redirected from there to its CDN. */
    public URI baseUri() {
        return baseUri;
    }

    /** The hub's host name, for messages. */
    public String host() {
        return baseUri.getHost();
    }

    /** Asks the hub for the current size and SHA-256 of {@code fileName} in {@code repository}. */
    public HubFile describe(String repository, String fileName) throws DownloadException {
        URI page = at("/api/models/" + repository + "/tree/" + REVISION);
        while (page != null) {
            HttpResponse<InputStream> response = send(HttpRequest.newBuilder(page)
                    .header("Accept", "application/json")
                    .timeout(ANSWER_TIMEOUT)
                    .GET().build());
            JsonNode entries;
            try (InputStream body = response.body()) {
                requireOk(response, repository);
                entries = json.readTree(body);
            } catch (IOException e) {
                throw brokenConnection(e);
            }
            Optional<HubFile> found = findFile(entries, repository, fileName);
            if (found.isPresent()) {
                return found.get();
            }
            page = nextPage(response).orElse(null);
        }
        throw new DownloadException(DownloadException.Reason.HUB_ANSWER,
                host() + " no longer offers the file " + fileName + ". Hearth may need an update to download this model.");
    }

    /** Opens the file's bytes, from {@code offset} on if it is above zero; the server may still send everything. */
    HttpResponse<InputStream> open(HubFile file, long offset) throws DownloadException {
        HttpRequest.Builder request = HttpRequest.newBuilder(file.downloadUri()).timeout(ANSWER_TIMEOUT).GET();
        if (offset > 0) {
            request.header("Range", "bytes=" + offset + "-");
        }
        return send(request.build());
    }

    /** The message for a connection that broke off while a body was being read. */
    DownloadException brokenConnection(IOException cause) {
        return new DownloadException(DownloadException.Reason.NETWORK,
                "The connection to " + host() + " broke off. Try again later; the download continues where it stopped.", cause);
    }

    private HttpResponse<InputStream> send(HttpRequest request) throws DownloadException {
        try {
            return http.get().send(request, HttpResponse.BodyHandlers.ofInputStream());
        } catch (HttpTimeoutException e) {
            throw new DownloadException(DownloadException.Reason.NETWORK,
                    host() + " did not answer in time. Check the internet connection and try again.", e);
        } catch (ConnectException e) {
            throw new DownloadException(DownloadException.Reason.NETWORK,
                    "Hearth could not reach " + host() + ". Check the internet connection and try again.", e);
        } catch (IOException e) {
            throw brokenConnection(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DownloadException(DownloadException.Reason.CANCELLED, "The download was stopped.", e);
        }
    }

    private void requireOk(HttpResponse<?> response, String repository) throws DownloadException {
        int status = response.statusCode();
        if (status == 200) {
            return;
        }
        String message = switch (status) {
            case 401, 403 -> host() + " refused access to " + repository + " (HTTP " + status + ").";
            case 404 -> host() + " does not have " + repository + " (HTTP 404). Hearth may need an update to download this model.";
            case 429 -> host() + " asks to slow down (HTTP 429). Try again in a few minutes.";
            default -> host() + " answered with an error (HTTP " + status + "). Try again later.";
        };
        throw new DownloadException(DownloadException.Reason.HUB_ANSWER, message);
    }

    private Optional<HubFile> findFile(JsonNode entries, String repository, String fileName) throws DownloadException {
        for (JsonNode entry : entries) {
            if (!fileName.equals(entry.path("path").asText())) {
                continue;
            }
            JsonNode lfs = entry.path("lfs");
            String sha256 = lfs.path("oid").asText("");
            long size = lfs.path("size").asLong(-1);
            if (!SHA256_HEX.matcher(sha256).matches() || size < 0) {
                throw new DownloadException(DownloadException.Reason.HUB_ANSWER,
                        host() + " publishes no checksum for " + fileName + ", so Hearth cannot check the download.");
            }
            URI download = at("/" + repository + "/resolve/" + REVISION + "/" + fileName);
            return Optional.of(new HubFile(download, size, sha256));
        }
        return Optional.empty();
    }

    /** An address under the base, keeping any path the base has (a mirror may live below a path). */
    private URI at(String path) {
        return URI.create(baseUri.toString().replaceAll("/+$", "") + path);
    }

    /** The next listing page, if the hub names one on its own host. */
    private Optional<URI> nextPage(HttpResponse<?> response) {
        return response.headers().firstValue("Link")
                .map(NEXT_PAGE::matcher)
                .filter(Matcher::find)
                .map(matcher -> URI.create(matcher.group(1)))
                .filter(next -> host().equals(next.getHost()));
    }
}
