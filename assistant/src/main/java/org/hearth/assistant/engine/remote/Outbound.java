package org.hearth.assistant.engine.remote;

import java.net.URI;

/**
 * Sees the exact body of every request just before it is sent, so that what leaves can be logged (and stopped):
 * an exception thrown here ends the request before a byte of it is written to the network.
 */
@FunctionalInterface
public interface Outbound {

    Outbound NONE = (uri, body) -> { };

    void sending(URI uri, byte[] body);
}
