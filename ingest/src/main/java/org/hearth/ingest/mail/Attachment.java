package org.hearth.ingest.mail;

/** An attachment as listed in the message structure; its content is not downloaded. {@code size} is -1 if unknown (encoded size otherwise). */
public record Attachment(String name, String mimeType, long size) {
}
