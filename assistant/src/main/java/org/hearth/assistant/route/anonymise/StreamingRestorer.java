package org.hearth.assistant.route.anonymise;

import java.util.regex.Pattern;

/**
 * Restores an answer as it streams in. A placeholder may arrive split over pieces ("«PER", "SON_1»"), so the end
 * of what came so far is held back while it could still become one; everything before it is restored and passed on.
 */
public final class StreamingRestorer {

    /** The longest placeholder a model writes, with markdown and spaces around the label: longer is not one. */
    private static final int LONGEST = 40;
    /** The end of the text as far as it could still be the start of a bare placeholder: "PERS", "PERSON_", "PERSON_1". */
    private static final Pattern MAYBE_BARE = Pattern.compile("(?<![\\p{L}\\p{N}])\\p{Lu}{1,12}(?:[_\\u2010\\u2011\\-]\\d{0,5})?$");

    private final Restorer restorer;
    private final StringBuilder pending = new StringBuilder();

    public StreamingRestorer(Restorer restorer) {
        this.restorer = restorer;
    }

    /** The restored text that is safe to show after {@code piece}; may be empty. */
    public String accept(String piece) throws AnonymisationException {
        pending.append(piece);
        int hold = holdFrom(pending);
        String ready = pending.substring(0, hold);
        pending.delete(0, hold);
        return restorer.restore(ready);
    }

    /** The rest, restored, once the answer is complete. */
    public String finish() throws AnonymisationException {
        String rest = pending.toString();
        pending.setLength(0);
        return restorer.restore(rest);
    }

    /** Where the part that could still grow into a placeholder begins. */
    private static int holdFrom(CharSequence text) {
        int length = text.length();
        int open = lastIndexOf(text, '«');
        if (open >= 0 && lastIndexOf(text, '»') < open && length - open <= LONGEST) {
            return open;
        }
        var tail = MAYBE_BARE.matcher(text);
        return tail.find() ? tail.start() : length;
    }

    private static int lastIndexOf(CharSequence text, char c) {
        for (int i = text.length() - 1; i >= 0; i--) {
            if (text.charAt(i) == c) {
                return i;
            }
        }
        return -1;
    }
}
