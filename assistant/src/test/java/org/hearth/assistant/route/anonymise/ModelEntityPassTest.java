package org.hearth.assistant.route.anonymise;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.hearth.assistant.engine.local.LocalEngine;
import org.hearth.assistant.engine.remote.ApiKey;
import org.hearth.assistant.engine.remote.RemoteEndpoint;
import org.hearth.assistant.engine.remote.RemoteEngine;
import org.hearth.assistant.llama.ContextOptions;
import org.hearth.assistant.testing.SharedTinyModel;
import org.hearth.fixtures.openai.OpenAiServerExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The model pass adds the names no rule finds, and only names that stand in the text. */
class ModelEntityPassTest {

    private static final String MAIL = "Hallo Anna,\n\nbitte ruf Hauke Tjarks zurück, er wohnt jetzt Hinter dem Deich 4 in Husum.\n";

    @RegisterExtension
    final OpenAiServerExtension openAi = new OpenAiServerExtension("stand-in");

    @Test
    void aNameNoRuleFindsIsReplacedOnceTheModelNamesItAndAnInventedNameIsDropped() throws AnonymisationException {
        // the loopback server stands in for a model that knows names: one that is in the mail, one that is not
        openAi.server().script("""
                {"entities":[{"type":"PERSON","text":"Hauke Tjarks"},{"type":"PERSON","text":"Erika Musterfrau"}]}""");
        ModelEntityPass pass = new ModelEntityPass(new RemoteEngine(openAi.client(),
                RemoteEndpoint.of(openAi.server().baseUri(), "stand-in", 4096, 1), ApiKey.none()));

        List<KnownEntity> found = pass.find(MAIL, () -> false);

        assertThat(found).containsExactly(new KnownEntity(EntityType.PERSON, "Hauke Tjarks"));
        assertThat(new Anonymiser(new Placeholders(), List.of(), Optional.empty()).anonymise(MAIL).outgoing())
                .as("the rules alone").contains("Hauke Tjarks");
        assertThat(new Anonymiser(new Placeholders(), found, Optional.empty()).anonymise(MAIL).outgoing())
                .contains("bitte ruf «PERSON_1» zurück").doesNotContain("Jäger");
    }

    @Test
    void whateverARandomModelWritesOnlyNamesFromTheTextComeBack() {
        ModelEntityPass pass = new ModelEntityPass(new LocalEngine(SharedTinyModel.get(),
                ContextOptions.defaults().withThreads(1).withContextLength(2048)));

        List<KnownEntity> found = pass.find(MAIL, () -> false);

        assertThat(found).allSatisfy(entity -> assertThat(MAIL.toLowerCase(Locale.ROOT)).contains(entity.value().toLowerCase(Locale.ROOT)));
    }
}
