package org.hearth.assistant.route.anonymise;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class RestorerTest {

    private final Placeholders placeholders = new Placeholders();
    private Restorer restorer;

    @BeforeEach
    void anonymiseALetter() throws AnonymisationException {
        new Anonymiser(placeholders, List.of(new KnownEntity(EntityType.PERSON, "Klaus Weber"),
                new KnownEntity(EntityType.ORGANISATION, "Nordlicht Logistik GmbH")), Optional.empty())
                .anonymise("Klaus Weber schreibt an die Nordlicht Logistik GmbH.");
        restorer = new Restorer(placeholders);
    }

    @Test
    void placeholdersAsModelsCopyThemAreRestored() throws AnonymisationException {
        assertThat(restorer.restore("«PERSON_1» verklagt «ORG_1».")).isEqualTo("Klaus Weber verklagt Nordlicht Logistik GmbH.");
        assertThat(restorer.restore("**«PERSON_1»** und «person_1» und « **PERSON_1** »")).isEqualTo("**Klaus Weber** und Klaus Weber und Klaus Weber");
        assertThat(restorer.restore("«PERSON\u20111» und «PERSON 1» und PERSON_1.")).isEqualTo("Klaus Weber und Klaus Weber und Klaus Weber.");
    }

    @Test
    void ordinaryWordsThatResembleALabelStayText() throws AnonymisationException {
        assertThat(restorer.restore("In case 1 the person 1 day later")).isEqualTo("In case 1 the person 1 day later");
    }

    @Test
    void aPlaceholderThatWasNeverIssuedStopsTheAnswer() {
        assertThatThrownBy(() -> restorer.restore("«PERSON_7» hat angerufen.")).isInstanceOf(AnonymisationException.class)
                .hasMessageContaining("never issued");
        assertThatThrownBy(() -> restorer.restore("«KUNDE_1» hat angerufen.")).isInstanceOf(AnonymisationException.class);
    }

    @Test
    void aPlaceholderSplitAcrossStreamedPiecesIsRestoredWhole() throws AnonymisationException {
        StreamingRestorer streaming = new StreamingRestorer(restorer);
        List<String> shown = new ArrayList<>();
        for (String piece : List.of("Laut «PER", "SON", "_1» hat PERS", "ON_1 an «OR", "G_1» geschrieben", ".")) {
            shown.add(streaming.accept(piece));
        }
        shown.add(streaming.finish());

        assertThat(String.join("", shown)).isEqualTo("Laut Klaus Weber hat Klaus Weber an Nordlicht Logistik GmbH geschrieben.");
        assertThat(shown.getFirst()).as("text before a partial placeholder is not held back").isEqualTo("Laut ");
        assertThat(shown).noneMatch(piece -> piece.contains("«") || piece.contains("PERS"));
    }
}
