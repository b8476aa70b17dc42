package org.hearth.assistant.grammar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The recognizer is what the grammar tests trust, so it gets checked on its own first. */
class GbnfRecognizerTest {

    @Test
    void matchesTheConstructsTheGeneratorUses() {
        GbnfRecognizer grammar = GbnfRecognizer.parse("""
                root ::= "<" item ("," item){0,2} ">" | "-"? "x"
                # a comment
                item ::= [a-c]{2} | [^a-z\\x00-\\x1F] | "\\\\" ("n" | "\\u00e4")
                """);
        assertThat(grammar.matches("<ab>")).isTrue();
        assertThat(grammar.matches("<ab,Q,\\\u00e4>")).isTrue();
        assertThat(grammar.matches("<ab,ab,ab,ab>")).isFalse();
        assertThat(grammar.matches("<a>")).isFalse();
        assertThat(grammar.matches("<z>")).isFalse();
        assertThat(grammar.matches("<\n>")).isFalse();
        assertThat(grammar.matches("-x")).isTrue();
        assertThat(grammar.matches("x")).isTrue();
        assertThat(grammar.matches("--x")).isFalse();
        assertThat(grammar.longestMatch()).isEqualTo(2 + 2 + 2 * 3);
    }

    @Test
    void optionalAppliesToAWholeLiteral() {
        GbnfRecognizer grammar = GbnfRecognizer.parse("root ::= \"ab\"? \"c\"\n");
        assertThat(grammar.matches("abc")).isTrue();
        assertThat(grammar.matches("c")).isTrue();
        assertThat(grammar.matches("ac")).isFalse();
    }

    @Test
    void unboundedRepetitionAndRecursionAreSeen() {
        assertThat(GbnfRecognizer.parse("root ::= \"a\"*\n").longestMatch()).isEqualTo(Long.MAX_VALUE);
        assertThat(GbnfRecognizer.parse("root ::= \"a\"{0,2001}\n").longestMatch()).isEqualTo(Long.MAX_VALUE);
        assertThat(GbnfRecognizer.parse("root ::= \"[\" root? \"]\"\n").longestMatch()).isEqualTo(Long.MAX_VALUE);
        assertThat(GbnfRecognizer.parse("root ::= \"a\"{0,1999}\n").longestMatch()).isEqualTo(1999);
    }

    @Test
    void refusesWhatLlamaCppRefuses() {
        assertThatThrownBy(() -> GbnfRecognizer.parse("root ::= needs_reply\nneeds_reply ::= \"x\"\n"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> GbnfRecognizer.parse("root ::= \"\\q\"\n")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> GbnfRecognizer.parse("root ::= missing\n")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> GbnfRecognizer.parse("root ::= (\"a\"\n")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> GbnfRecognizer.parse("root ::= \"a\"{3000}\n")).isInstanceOf(IllegalArgumentException.class);
        // two rules inside the repeated group: 2 * 1000 reaches llama.cpp's threshold
        assertThatThrownBy(() -> GbnfRecognizer.parse("root ::= (\",\" (\"a\" | \"b\")){0,1000}\n"))
                .isInstanceOf(IllegalArgumentException.class);
        // a rule already known counts as one, even though it holds alternatives
        GbnfRecognizer.parse("ab ::= \"a\" | \"b\"\nroot ::= (\",\" ab){0,1999}\n");
        // but a rule first named inside the group counts as created there
        assertThatThrownBy(() -> GbnfRecognizer.parse("root ::= (\",\" ab){0,1999}\nab ::= \"a\" | \"b\"\n"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
