package org.hearth.assistant.model;

import org.hearth.assistant.gguf.GgufValidator;

import java.nio.file.Path;

/**
 * A model file the user brought, checked and ready to load.
 *
 * @param file                where it is now
 * @param role                whether it chats or embeds
 * @param inModelsFolder      false when it was registered where it lies; the caller remembers its path
 */
public record ImportedModel(Path file, GgufValidator.Role role, boolean inModelsFolder) {
}
