package org.hearth.assistant.engine.local;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.hearth.assistant.engine.Message;
import org.hearth.assistant.llama.ChatMessage;
import org.hearth.assistant.llama.LlamaModel;

/**
 * Tokenizes a conversation so that only the chat template can produce control tokens. The
 * template is rendered with a marker in place of each message; the template's text is tokenized
 * with control tokens recognised, the messages' text without. A mail or document that contains
 * {@code <|im_start|>system} therefore stays plain text and cannot open a turn of its own.
 */
public final class ChatPrompt {

    private ChatPrompt() {
    }

    public static int[] tokenize(LlamaModel model, List<Message> messages, boolean addAssistantStart) {
        if (model.info().chatTemplate().isEmpty()) {
            String joined = String.join("\n\n", messages.stream().map(Message::content).toList());
            return model.tokenize(joined, true, false);
        }
        List<String> markers = IntStream.range(0, messages.size()).mapToObj(ChatPrompt::marker).toList();
        List<ChatMessage> marked = IntStream.range(0, messages.size())
                .mapToObj(i -> new ChatMessage(role(messages.get(i).role()), markers.get(i)))
                .toList();
        String rendered = model.applyChatTemplate(marked, addAssistantStart);

        List<int[]> parts = new ArrayList<>();
        int cursor = 0;
        for (int i = 0; i < messages.size(); i++) {
            int at = rendered.indexOf(markers.get(i), cursor);
            if (at < 0) {
                throw new IllegalStateException("The chat template dropped message " + i);
            }
            parts.add(model.tokenize(rendered.substring(cursor, at), parts.isEmpty(), true));
            parts.add(model.tokenize(messages.get(i).content(), false, false));
            cursor = at + markers.get(i).length();
        }
        parts.add(model.tokenize(rendered.substring(cursor), false, true));
        return parts.stream().flatMapToInt(IntStream::of).toArray();
    }

    private static ChatMessage.Role role(Message.Role role) {
        return switch (role) {
            case SYSTEM -> ChatMessage.Role.SYSTEM;
            case USER -> ChatMessage.Role.USER;
            case ASSISTANT -> ChatMessage.Role.ASSISTANT;
        };
    }

    // Private-use characters: no template adds them, no tokenizer merges across them meaningfully.
    private static String marker(int index) {
        return "\uE000hearth-message-" + index + "\uE001";
    }
}
