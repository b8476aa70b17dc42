package org.hearth.assistant.task;

import java.util.Arrays;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The tags that fence a document, a mail or a source as data in a prompt. A text could contain a
 * closing tag to "leave" its block, so that what follows reads as instructions; look-alikes of the
 * fence's tags (in any case, with spaces or attributes) have their angle brackets replaced by
 * similar-looking quotes, which keep the text readable but end nothing. One character becomes one
 * character, so a text's length, and any budget measured on it, stays the same.
 */
public final class ContentFence {

    private final Pattern tags;

    private ContentFence(Pattern tags) {
        this.tags = tags;
    }

    /** A fence made of the given tag names, e.g. both languages' names of the same block. */
    public static ContentFence of(String... tagNames) {
        String names = Arrays.stream(tagNames).map(Pattern::quote).collect(Collectors.joining("|"));
        return new ContentFence(Pattern.compile("<\\s*/?\\s*(?:" + names + ")\\b[^<>]*>", Pattern.CASE_INSENSITIVE));
    }

    /** {@code text} with every opening or closing tag of this fence made harmless. */
    public String defuse(String text) {
        return tags.matcher(text).replaceAll(tag -> tag.group().replace("<", "‹").replace(">", "›"));
    }
}
