package org.hearth.app.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;

/**
 * The report of a command that works through files one by one and goes on after a file fails:
 * {@code {"files":[{"file","status","error",...}]}}, and exit code 0 unless every file failed.
 */
final class FileResults {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final ObjectNode root = JSON.createObjectNode();
    private final ArrayNode files = root.putArray("files");
    private int failed;

    /** The entry of the next file, to which {@link #ok} or {@link #failed} and the command's fields are added. */
    ObjectNode add(Path file) {
        return files.addObject().put("file", file.toString());
    }

    void ok(ObjectNode entry) {
        entry.put("status", "ok");
        entry.putNull("error");
    }

    void failed(ObjectNode entry, String message) {
        failed++;
        entry.put("status", "error");
        entry.put("error", message);
    }

    int exitCode() {
        return failed < files.size() ? 0 : 1;
    }

    String json() throws JsonProcessingException {
        return JSON.writeValueAsString(root);
    }
}
