package org.hearth.assistant.model;

import java.net.URI;

/**
 * A file as the hub publishes it right now.
 *
 * @param downloadUri where its bytes are
 * @param sizeBytes   its size
 * @param sha256      its SHA-256 in lowercase hex
 */
public record HubFile(URI downloadUri, long sizeBytes, String sha256) {
}
