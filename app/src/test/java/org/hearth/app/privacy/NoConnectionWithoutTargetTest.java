package org.hearth.app.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ProxySelector;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import jdk.jfr.Recording;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordingFile;
import org.hearth.app.cli.HearthCli;
import org.hearth.fixtures.anonymise.SensitiveDocuments;
import org.hearth.fixtures.documents.TestTemplates;
import org.hearth.fixtures.gguf.TestModels;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * With no target configured, summary, index, search and answer jobs open no connection: the JVM's own flight recorder
 * watches every byte read from or written to a socket (any socket or channel of the process), and the gate sees no
 * attempt. The watcher is shown to work first, on one request that does go out.
 */
class NoConnectionWithoutTargetTest {

    @TempDir
    Path dir;

    private ProxySelector before;
    private NetworkGate gate;
    private Recording recording;

    @BeforeEach
    void watch() {
        before = ProxySelector.getDefault();
        gate = NetworkGate.install();
        recording = new Recording();
        recording.enable("jdk.SocketWrite").withThreshold(Duration.ZERO).withStackTrace();
        recording.enable("jdk.SocketRead").withThreshold(Duration.ZERO);
        recording.start();
    }

    @AfterEach
    void restore() {
        recording.close();
        ProxySelector.setDefault(before);
    }

    private int hearth(String... args) {
        String[] all = new String[args.length + 2];
        all[0] = "--home";
        all[1] = dir.resolve("home").toString();
        System.arraycopy(args, 0, all, 2, args.length);
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = HearthCli.execute(new PrintWriter(out, true), new PrintWriter(err, true), all);
        assertThat(exit).as(String.join(" ", args) + ": " + err).isZero();
        return exit;
    }

    @Test
    void summaryIndexSearchAnswerAndDraftingJobsTouchNoSocket() throws Exception {
        int controlPort = oneRequestThatGoesOut();
        Instant jobsStart = Instant.now();
        Path folder = Files.createDirectories(dir.resolve("Akten"));
        Path letter = Files.writeString(folder.resolve("brief.txt"), new SensitiveDocuments(5L).generate(1).getFirst().text());
        String model = TestModels.tinyQwen35(dir).toString();

        hearth("summarize", letter.toString(), "--model", model, "--threads", "1", "--json");
        hearth("index", folder.toString(), "--json");
        hearth("search", "Rückzahlung", "--json");
        hearth("ask", "Welcher Betrag wird gefordert?", "--model", model, "--threads", "1", "--json");
        hearth("draft", "--template", TestTemplates.letter(dir).toString(), "--from", letter.toString(),
                "--out", dir.resolve("Entwurf.docx").toString(), "--model", model, "--threads", "1", "--json");

        recording.stop();
        Path events = dir.resolve("sockets.jfr");
        recording.dump(events);
        List<RecordedEvent> socketEvents = RecordingFile.readAllEvents(events);
        assertThat(socketEvents).as("the watcher saw the control request")
                .anySatisfy(event -> assertThat(event.getInt("port")).isEqualTo(controlPort));
        assertThat(socketEvents).filteredOn(event -> event.getStartTime().isAfter(jobsStart))
                .as("socket traffic during the jobs").isEmpty();
        assertThat(gate.refusals()).filteredOn(refusal -> refusal.time().isAfter(jobsStart)).isEmpty();
    }

    /** One permitted request to a loopback server, so that an empty result below means "nothing", not "not watched". */
    private int oneRequestThatGoesOut() throws Exception {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            exchange.sendResponseHeaders(200, 2);
            exchange.getResponseBody().write("ok".getBytes());
            exchange.close();
        });
        server.start();
        URI uri = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/");
        try (NetworkGate.Permit permit = gate.allow("control", uri); HttpClient client = HttpClient.newHttpClient()) {
            assertThat(client.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString()).body()).isEqualTo("ok");
        } finally {
            server.stop(0);
        }
        return uri.getPort();
    }
}
