package org.hearth.ingest.document;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ProxySelector;
import java.net.Socket;
import org.junit.jupiter.api.Test;

/** With the worker's selector in place, not even a server on this machine can be reached. */
class NoNetworkTest {

    @Test
    void aSocketToAListeningServerFailsBeforeItConnects() throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.start();
        ProxySelector before = ProxySelector.getDefault();
        ProxySelector.setDefault(new NoNetwork());
        try {
            assertThatThrownBy(() -> {
                try (Socket socket = new Socket()) {
                    socket.connect(server.getAddress());
                }
            }).isInstanceOf(IOException.class);
        } finally {
            ProxySelector.setDefault(before);
            server.stop(0);
        }
    }
}
