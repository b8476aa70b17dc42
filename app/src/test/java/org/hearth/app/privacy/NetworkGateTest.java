package org.hearth.app.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ProxySelector;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Every socket and HTTP client of the process asks the gate, and only what holds a permit gets through. */
class NetworkGateTest {

    private ProxySelector before;
    private NetworkGate gate;
    private HttpServer server;
    private URI uri;

    @BeforeEach
    void installTheGateAndAServer() throws IOException {
        before = ProxySelector.getDefault();
        gate = NetworkGate.install();
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.start();
        uri = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/");
    }

    @AfterEach
    void restore() {
        server.stop(0);
        ProxySelector.setDefault(before);
    }

    private int get(HttpClient client) throws Exception {
        return client.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    @Test
    void anHttpRequestGetsThroughOnlyWhileAPermitForItsHostAndPortIsOpen() throws Exception {
        try (HttpClient client = HttpClient.newHttpClient()) {
            assertThatThrownBy(() -> get(client)).hasMessageContaining("network gate refused a connection to 127.0.0.1:" + uri.getPort());

            try (NetworkGate.Permit permit = gate.allow("test", uri)) {
                assertThat(get(client)).isEqualTo(204);
            }

            assertThatThrownBy(() -> get(client)).hasMessageContaining("refused");
        }
        assertThat(gate.refusals()).hasSize(2).allSatisfy(refusal -> {
            assertThat(refusal.host()).isEqualTo("127.0.0.1");
            assertThat(refusal.port()).isEqualTo(uri.getPort());
        });
    }

    @Test
    void aPlainSocketAsMailUsesIsRefusedTooAndAPermitForAnotherPortDoesNotHelp() throws Exception {
        try (NetworkGate.Permit other = gate.allow("another port", new NetworkGate.Rule("127.0.0.1", uri.getPort() + 1))) {
            assertThatThrownBy(() -> {
                try (Socket socket = new Socket()) {
                    socket.connect(new InetSocketAddress("127.0.0.1", uri.getPort()));
                }
            }).isInstanceOf(IOException.class);
        }
        try (NetworkGate.Permit permit = gate.allow("mail", new NetworkGate.Rule("127.0.0.1", uri.getPort()));
             Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", uri.getPort()));
            assertThat(socket.isConnected()).isTrue();
        }
    }

    @Test
    void aDomainRuleCoversItsSubdomainsOnly() {
        NetworkGate.Rule cdn = new NetworkGate.Rule(".hf.co", 443);

        assertThat(cdn.matches("cas-bridge.xethub.hf.co", 443)).isTrue();
        assertThat(cdn.matches("evilhf.co", 443)).isFalse();
        assertThat(cdn.matches("cdn.hf.co", 80)).isFalse();
    }
}
