package org.hearth.assistant.grammar;

/** Builds RFC 6901 JSON pointers, escaping '~' and '/' in property names. */
final class JsonPointers {

    private JsonPointers() {
    }

    static String child(String pointer, String segment) {
        return pointer + "/" + segment.replace("~", "~0").replace("/", "~1");
    }

    static String child(String pointer, int index) {
        return pointer + "/" + index;
    }
}
