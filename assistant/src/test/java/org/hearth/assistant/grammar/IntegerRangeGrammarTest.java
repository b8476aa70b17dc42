package org.hearth.assistant.grammar;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class IntegerRangeGrammarTest {

    @ParameterizedTest
    @CsvSource({"1,5", "0,0", "-5,5", "-123,-7", "7,1234", "0,99", "10,99", "19,201", "-1000,-1", "1,1000", "-9,0", "100,100", "-1099,1099"})
    void acceptsExactlyTheIntegersInRange(long low, long high) {
        GbnfRecognizer grammar = GbnfRecognizer.parse("root ::= " + IntegerRangeGrammar.expression(low, high) + "\n");
        for (long value = -1300; value <= 1300; value++) {
            assertThat(grammar.matches(Long.toString(value))).as("%d in [%d, %d]", value, low, high)
                    .isEqualTo(low <= value && value <= high);
        }
        assertThat(grammar.matches("-0")).isFalse();
        assertThat(grammar.matches("+" + high)).isFalse();
        assertThat(grammar.matches("0" + high)).isFalse();
    }

    @ParameterizedTest
    @CsvSource({"1,5,[1-5]", "0,9,[0-9]", "3,3,\"3\"", "10,99,[1-9] [0-9]"})
    void smallRangesStayReadable(long low, long high, String expected) {
        assertThat(IntegerRangeGrammar.expression(low, high)).isEqualTo(expected);
    }
}
