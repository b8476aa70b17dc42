package org.hearth.assistant.model;

import org.hearth.fixtures.http.LoopbackFileServer;
import org.hearth.fixtures.http.ReceivedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class ModelDownloaderTest {

    private static final String REPO = "test-org/Tiny-GGUF";
    private static final String FILE = "Tiny-Q4_K_M.gguf";
    private static final String FILE_PATH = LoopbackFileServer.hubFilePath(REPO, FILE);
    private static final byte[] CONTENT = randomBytes(300_000);
    private static final CatalogModel MODEL = new CatalogModel("tiny-q4_k_m", "Tiny Q4_K_M", ModelRole.CHAT, REPO, FILE,
            CONTENT.length, 1_000_000, Quantization.Q4_K_M, ModelShape.transformer(2, 1, 8, 128));
    private static final DiskSpaceProbe ROOMY_DISK = folder -> 1L << 40;

    @TempDir
    Path modelsFolder;

    private LoopbackFileServer server;
    private HttpClient http;

    @BeforeEach
    void startServer() throws IOException {
        server = LoopbackFileServer.start();
        http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).followRedirects(HttpClient.Redirect.NORMAL).build();
    }

    @AfterEach
    void stopServer() {
        server.close();
        http.close();
    }

    @Test
    void anInterruptedDownloadResumesWithARangeRequestAndTheWholeFileVerifies() throws Exception {
        server.publishOnHub(REPO, FILE, CONTENT, sha256(CONTENT));
        server.dropConnectionOnceAfter(FILE_PATH, 120_000);
        ModelDownloader downloader = downloader(ROOMY_DISK);

        DownloadException broken = catchThrowableOfType(DownloadException.class,
                () -> downloader.download(MODEL, DownloadListener.none(), new DownloadCancellation()));
        assertThat(broken.reason()).isEqualTo(DownloadException.Reason.NETWORK);
        assertThat(broken.getMessage()).contains("127.0.0.1").doesNotContain("http://").doesNotContain("/resolve/");
        long kept = Files.size(downloader.partialFile(MODEL));
        assertThat(kept).isPositive().isLessThan(CONTENT.length);

        Path file = downloader.download(MODEL, DownloadListener.none(), new DownloadCancellation());

        assertThat(file).isEqualTo(modelsFolder.resolve(FILE));
        assertThat(sha256(Files.readAllBytes(file))).isEqualTo(sha256(CONTENT));
        assertThat(downloader.partialFile(MODEL)).doesNotExist();
        List<ReceivedRequest> fileRequests = server.requestsTo(FILE_PATH);
        assertThat(fileRequests).hasSize(2);
        assertThat(fileRequests.get(0).range()).isEmpty();
        ReceivedRequest resumed = fileRequests.get(1);
        assertThat(resumed.range()).contains("bytes=" + kept + "-");
        assertThat(resumed.status()).isEqualTo(206);
        assertThat(resumed.bodyBytes()).isEqualTo(CONTENT.length - kept);
    }

    @Test
    void aFileWhoseChecksumDiffersFromThePublishedOneIsDeletedWithASpecificError() throws Exception {
        server.publishOnHub(REPO, FILE, CONTENT, sha256(randomBytes(10)));
        ModelDownloader downloader = downloader(ROOMY_DISK);

        DownloadException mismatch = catchThrowableOfType(DownloadException.class,
                () -> downloader.download(MODEL, DownloadListener.none(), new DownloadCancellation()));

        assertThat(mismatch.reason()).isEqualTo(DownloadException.Reason.CHECKSUM_MISMATCH);
        assertThat(mismatch.getMessage()).contains("damaged", "checksum", "deleted");
        assertThat(downloader.partialFile(MODEL)).doesNotExist();
        assertThat(downloader.targetFile(MODEL)).doesNotExist();
    }

    @Test
    void tooLittleDiskIsRefusedBeforeAnyFileByteIsRequested() {
        server.publishOnHub(REPO, FILE, CONTENT, sha256(CONTENT));
        ModelDownloader downloader = downloader(folder -> 100_000);

        DownloadException refused = catchThrowableOfType(DownloadException.class,
                () -> downloader.download(MODEL, DownloadListener.none(), new DownloadCancellation()));

        assertThat(refused.reason()).isEqualTo(DownloadException.Reason.NOT_ENOUGH_DISK);
        assertThat(refused.getMessage()).contains("needs 0.5 GB", "only 0.0 GB are free");
        assertThat(server.requestsTo(FILE_PATH)).isEmpty();
        assertThat(downloader.partialFile(MODEL)).doesNotExist();
    }

    @Test
    void theDiskCheckCountsOnlyTheBytesStillMissing() throws Exception {
        server.publishOnHub(REPO, FILE, CONTENT, sha256(CONTENT));
        Files.write(modelsFolder.resolve(FILE + ".part"), Arrays.copyOf(CONTENT, 200_000));
        long justEnough = CONTENT.length - 200_000 + DiskRoom.MARGIN_BYTES;
        ModelDownloader downloader = downloader(folder -> justEnough);

        Path file = downloader.download(MODEL, DownloadListener.none(), new DownloadCancellation());

        assertThat(sha256(Files.readAllBytes(file))).isEqualTo(sha256(CONTENT));
        assertThat(server.requestsTo(FILE_PATH)).singleElement()
                .satisfies(request -> assertThat(request.range()).contains("bytes=200000-"));
    }

    @Test
    void cancellingKeepsThePartialFileAndALaterDownloadCompletesIt() throws Exception {
        server.publishOnHub(REPO, FILE, CONTENT, sha256(CONTENT));
        ModelDownloader downloader = downloader(ROOMY_DISK);
        DownloadCancellation pause = new DownloadCancellation();

        DownloadException paused = catchThrowableOfType(DownloadException.class, () -> downloader.download(MODEL, progress -> {
            if (progress.bytesDone() > 0) {
                pause.cancel();
            }
        }, pause));

        assertThat(paused.reason()).isEqualTo(DownloadException.Reason.CANCELLED);
        long kept = Files.size(downloader.partialFile(MODEL));
        assertThat(kept).isPositive().isLessThan(CONTENT.length);
        assertThat(downloader.partialBytes(MODEL)).isEqualTo(kept);
        assertThat(downloader.targetFile(MODEL)).doesNotExist();

        List<DownloadProgress> reports = new ArrayList<>();
        Path file = downloader.download(MODEL, reports::add, new DownloadCancellation());

        assertThat(sha256(Files.readAllBytes(file))).isEqualTo(sha256(CONTENT));
        assertThat(server.requestsTo(FILE_PATH).getLast().range()).contains("bytes=" + kept + "-");
        assertThat(reports.getFirst().bytesDone()).isEqualTo(kept);
        assertThat(reports.getLast().bytesDone()).isEqualTo(CONTENT.length);
        assertThat(reports).allSatisfy(report -> assertThat(report.totalBytes()).isEqualTo(CONTENT.length));
    }

    @Test
    void aServerThatIgnoresRangeMakesTheDownloadStartOverCleanly() throws Exception {
        server.publishOnHub(REPO, FILE, CONTENT, sha256(CONTENT));
        server.serveFile(FILE_PATH, CONTENT, false);
        // A prefix that does not match the file: if it were kept, the checksum would fail.
        Files.write(modelsFolder.resolve(FILE + ".part"), randomBytes(1000));
        ModelDownloader downloader = downloader(ROOMY_DISK);

        Path file = downloader.download(MODEL, DownloadListener.none(), new DownloadCancellation());

        assertThat(sha256(Files.readAllBytes(file))).isEqualTo(sha256(CONTENT));
        ReceivedRequest request = server.requestsTo(FILE_PATH).getFirst();
        assertThat(request.range()).contains("bytes=1000-");
        assertThat(request.status()).isEqualTo(200);
    }

    @Test
    void aModelAlreadyInTheFolderIsReturnedWithoutAskingTheNetwork() throws Exception {
        Files.write(modelsFolder.resolve(FILE), CONTENT);

        Path file = downloader(ROOMY_DISK).download(MODEL, DownloadListener.none(), new DownloadCancellation());

        assertThat(file).isEqualTo(modelsFolder.resolve(FILE));
        assertThat(server.requests()).isEmpty();
    }

    @Test
    void anUnreachableHubIsNamedByHostOnly() throws Exception {
        URI deadHub;
        try (LoopbackFileServer stopped = LoopbackFileServer.start()) {
            deadHub = stopped.baseUri();
        }
        ModelDownloader downloader = new ModelDownloader(new HuggingFaceHub(http, deadHub), modelsFolder, ROOMY_DISK);

        assertThatThrownBy(() -> downloader.download(MODEL, DownloadListener.none(), new DownloadCancellation()))
                .isInstanceOfSatisfying(DownloadException.class, e -> {
                    assertThat(e.reason()).isEqualTo(DownloadException.Reason.NETWORK);
                    assertThat(e.getMessage()).contains("127.0.0.1").doesNotContain("http://").doesNotContain("/api/");
                });
    }

    @Test
    void aFileTheHubListsWithoutAChecksumIsNotDownloaded() {
        server.serveJson(LoopbackFileServer.hubTreePath(REPO), """
                [{"type":"file","oid":"%s","size":%d,"path":"%s"}]""".formatted("1".repeat(40), CONTENT.length, FILE));
        server.serveFile(FILE_PATH, CONTENT, true);

        assertThatThrownBy(() -> downloader(ROOMY_DISK).download(MODEL, DownloadListener.none(), new DownloadCancellation()))
                .isInstanceOfSatisfying(DownloadException.class, e -> {
                    assertThat(e.reason()).isEqualTo(DownloadException.Reason.HUB_ANSWER);
                    assertThat(e.getMessage()).contains("no checksum");
                });
        assertThat(server.requestsTo(FILE_PATH)).isEmpty();
    }

    @Test
    void aFileMissingFromTheListingIsReportedAsNoLongerOffered() {
        server.serveJson(LoopbackFileServer.hubTreePath(REPO), "[]");

        assertThatThrownBy(() -> downloader(ROOMY_DISK).download(MODEL, DownloadListener.none(), new DownloadCancellation()))
                .isInstanceOfSatisfying(DownloadException.class, e -> {
                    assertThat(e.reason()).isEqualTo(DownloadException.Reason.HUB_ANSWER);
                    assertThat(e.getMessage()).contains("no longer offers", FILE);
                });
    }

    private ModelDownloader downloader(DiskSpaceProbe disk) {
        return new ModelDownloader(new HuggingFaceHub(http, server.baseUri()), modelsFolder, disk, Duration.ZERO);
    }

    private static byte[] randomBytes(int length) {
        byte[] bytes = new byte[length];
        new Random(length).nextBytes(bytes);
        return bytes;
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
