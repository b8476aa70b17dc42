package org.hearth.assistant.llama;

import java.util.Objects;

/** One turn of a conversation rendered with the model's chat template. */
public record ChatMessage(Role role, String content) {

    public ChatMessage {
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(content, "content");
    }

    public static ChatMessage system(String content) {
        return new ChatMessage(Role.SYSTEM, content);
    }

    public static ChatMessage user(String content) {
        return new ChatMessage(Role.USER, content);
    }

    public static ChatMessage assistant(String content) {
        return new ChatMessage(Role.ASSISTANT, content);
    }

    public enum Role {
        SYSTEM, USER, ASSISTANT;

        String wireName() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }
}
