package org.hearth.ingest.mail.oauth;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.SecureRandom;
import org.junit.jupiter.api.Test;

class PkceTest {

    @Test
    void theChallengeIsTheS256OfRfc7636AppendixB() {
        assertThat(Pkce.challengeOf("dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk"))
                .isEqualTo("E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM");
    }

    @Test
    void aNewPairHasA64CharacterUnreservedVerifierAndItsChallenge() {
        SecureRandom random = new SecureRandom();

        Pkce pkce = Pkce.create(random);

        assertThat(pkce.verifier()).matches("[A-Za-z0-9._~-]{64}");
        assertThat(pkce.challenge()).isEqualTo(Pkce.challengeOf(pkce.verifier()));
        assertThat(Pkce.create(random).verifier()).isNotEqualTo(pkce.verifier());
        assertThat(pkce.toString()).doesNotContain(pkce.verifier());
    }
}
