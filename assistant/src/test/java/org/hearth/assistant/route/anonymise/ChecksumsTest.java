package org.hearth.assistant.route.anonymise;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ChecksumsTest {

    @Test
    void ibansFromTheRegistryExamplesPassAndOneChangedDigitFails() {
        assertThat(Checksums.validIban("DE89370400440532013000")).isTrue();
        assertThat(Checksums.validIban("GB82WEST12345698765432")).isTrue();
        assertThat(Checksums.validIban("AT611904300234573201")).isTrue();
        assertThat(Checksums.validIban("DE89370400440532013001")).isFalse();
        assertThat(Checksums.validIban("DE8937040044053201300")).as("one digit short for Germany").isFalse();
        assertThat(Checksums.validIban("XX89370400440532013000")).as("no such country").isFalse();
    }

    @Test
    void taxIdsNeedTheCheckDigitAndExactlyOneRepeatedDigit() {
        assertThat(Checksums.validTaxId("86095742719")).isTrue();
        assertThat(Checksums.validTaxId("47036892816")).isTrue();
        assertThat(Checksums.validTaxId("86095742718")).as("wrong check digit").isFalse();
        assertThat(Checksums.validTaxId("06095742719")).as("leading zero").isFalse();
        assertThat(Checksums.validTaxId("12345678903")).as("no digit repeated in the first ten").isFalse();
    }
}
