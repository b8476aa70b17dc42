package org.hearth.assistant.route.anonymise;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class UntitledNameDetectorTest {

    private final UntitledNameDetector detector = new UntitledNameDetector();

    private List<String> names(String text) {
        return detector.find(text).stream().map(finding -> finding.in(text)).toList();
    }

    @Test
    void aKnownGivenNameOpensANameWhateverTheFamilyName() {
        assertThat(names("bitte ruf Klaus Tjarks zurück")).containsExactly("Klaus Tjarks");
    }

    @Test
    void aKnownFamilyNameMakesTheCapitalisedWordBeforeItTheGivenName() {
        assertThat(names("bitte ruf Hauke Jäger zurück, und Fenja Wiśniewska Bescheid geben")).containsExactly("Hauke Jäger", "Fenja Wiśniewska");
        assertThat(names("Thies Müller-Lüdenscheidt hat angerufen")).containsExactly("Thies Müller-Lüdenscheidt");
    }

    @Test
    void rolesArticlesAndTitlesBeforeAFamilyNameAreNotGivenNames() {
        assertThat(names("Die Mandantin Brandt hat angerufen, Herr Weber auch.")).isEmpty();
        assertThat(names("Dear Mr Connolly, we write")).isEmpty();
        assertThat(names("Mandantin Gesa Brandt hat angerufen")).containsExactly("Gesa Brandt");
    }

    @Test
    void nounsThatFollowEachOtherAreNoName() {
        assertThat(names("Die Höhe der Miete und die Kosten der Räumung trägt die Vermieterin Nordlicht Logistik GmbH.")).isEmpty();
    }

    @Test
    void aNameWhoseGivenAndFamilyNamesAreOnNoListIsNotFoundHere() {
        assertThat(names("bitte ruf Hauke Tjarks zurück")).isEmpty();
    }
}
