package org.hearth.ingest.document;

import java.io.IOException;
import java.net.Proxy;
import java.net.ProxySelector;
import java.net.SocketAddress;
import java.net.URI;
import java.util.List;

/**
 * The document reader's network: none. Parsers of untrusted files can be talked into fetching things (a DTD, a font,
 * a linked image); installed as the worker's proxy selector, this makes every socket and HTTP client of the worker
 * fail before it connects, whatever a parser tries.
 */
final class NoNetwork extends ProxySelector {

    @Override
    public List<Proxy> select(URI uri) {
        throw new IllegalArgumentException("the document reader never connects anywhere (asked for " + uri.getScheme() + ")");
    }

    @Override
    public void connectFailed(URI uri, SocketAddress address, IOException e) {
        // nothing was tried
    }
}
