package org.hearth.assistant.task.summary;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;
import org.hearth.assistant.engine.remote.ApiKey;
import org.hearth.assistant.engine.remote.RemoteEndpoint;
import org.hearth.assistant.engine.remote.RemoteEngine;
import org.hearth.domain.Language;
import org.hearth.domain.Locator;
import org.hearth.fixtures.openai.OpenAiServerExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The summarizer, unchanged, on an OpenAI-compatible server instead of the in-process model: the proof that
 * the Engine seam carries a whole map-reduce job. The loopback server answers each step with a valid instance
 * of the step's schema, so every page reference it gives comes from the step's enum of citable pages.
 */
class RemoteSummarizerTest {

    private static final String MODEL = "qwen3.5-9b-instruct";


    @RegisterExtension
    final OpenAiServerExtension openAi = new OpenAiServerExtension(MODEL);

    @Test
    void aSummaryRunsOverTheServerWithValidPageReferences() {
        List<Passage> pages = pages(12);
        List<String> pieces = new ArrayList<>();
        List<StepTrace.Step> steps = new ArrayList<>();
        StepTrace trace = new StepTrace() {
            @Override
            public void systemPrompt(int tokens) {
            }

            @Override
            public void step(Step step) {
                steps.add(step);
            }
        };
        SummaryListener listener = new SummaryListener() {
            @Override
            public void progress(int stepsDone, int stepsTotal) {
            }

            @Override
            public void text(String piece) {
                pieces.add(piece);
            }
        };
        Summarizer summarizer = new Summarizer(new RemoteEngine(openAi.client(), RemoteEndpoint.of(openAi.server().baseUri(), MODEL, 1024, 1), ApiKey.none()));

        Summary summary = summarizer.summarize(new SummaryRequest("Mietsache Müller ./. Schmidt", pages, SummaryStyle.KEY_POINTS,
                Optional.empty()), listener, () -> false, trace);

        assertThat(summary.stats().parts()).isGreaterThan(1);
        List<Locator> mapped = steps.stream().filter(step -> step.phase() == Phase.MAP).map(StepTrace.Step::range).toList();
        assertThat(mapped.getFirst().from()).isEqualTo(1);
        assertThat(mapped.getLast().to()).isEqualTo(pages.size());
        assertThat(summary.language()).isEqualTo(Language.GERMAN);
        assertThat(summary.citations()).isNotEmpty().allSatisfy(locator -> {
            assertThat(locator.unit()).isEqualTo(Locator.Unit.PAGE);
            assertThat(locator.from()).isBetween(1, pages.size());
            assertThat(locator.to()).isBetween(locator.from(), pages.size());
        });
        List<Integer> rendered = SummarizerTest.renderedPages(summary.text());
        assertThat(rendered).isNotEmpty().allSatisfy(page -> assertThat(page).isBetween(1, pages.size()));
        assertThat(String.join("", pieces)).isEqualTo(summary.text());
        assertThat(summary.stats().maxPromptTokens()).isLessThanOrEqualTo(1024 - SummaryBudget.answerTokens(1024));
        // one HTTP request per step, each with the same system message and the step's schema
        assertThat(openAi.server().requests()).hasSize(steps.size()).allSatisfy(request -> {
            assertThat(request.json().at("/response_format/type").asText()).isEqualTo("json_schema");
            assertThat(request.json().at("/messages/0/content")).isEqualTo(openAi.server().requests().getFirst().json().at("/messages/0/content"));
        });
    }

    private static List<Passage> pages(int count) {
        return IntStream.rangeClosed(1, count).mapToObj(page -> new Passage("Seite " + page + ": Der Kläger verlangt von der "
                + "Beklagten die Zahlung der rückständigen Miete. Die Frist zur Stellungnahme endet am 15. Januar. Das Gericht "
                + "hat den Termin zur mündlichen Verhandlung auf den 3. März bestimmt.", Locator.page(page))).toList();
    }
}
