package org.hearth.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.hearth.assistant.task.summary.SummaryStyle;
import org.hearth.assistant.task.triage.TriageCategory;
import org.hearth.ingest.mail.ImapAccount;
import org.hearth.ui.documents.OutputLanguage;
import org.hearth.ui.service.InboxService;
import org.hearth.ui.service.SettingsService.Theme;
import org.hearth.ui.service.StoredSummary;
import org.hearth.ui.service.SummaryJob.Failure;
import org.hearth.ui.settings.UiLanguage;
import org.junit.jupiter.api.Test;

/** Both languages have the same words, and every word the code asks for exists. */
class MessageBundlesTest {

    /** Keys are string literals starting with one of the bundle's sections, e.g. "documents.state.done". */
    private static final Pattern KEY_LITERAL =
            Pattern.compile("\"((?:app|nav|drop|status|documents|inbox|search|firstrun|settings|preview|target|egress|drafting)\\.[A-Za-z0-9_.]*)\"");

    @Test
    void german_and_english_have_exactly_the_same_keys() throws IOException {
        assertThat(load("messages_de.properties").stringPropertyNames())
                .containsExactlyInAnyOrderElementsOf(load("messages.properties").stringPropertyNames());
    }

    @Test
    void every_key_used_in_the_code_exists() throws IOException {
        Set<String> keys = load("messages.properties").stringPropertyNames();
        Set<String> used = new TreeSet<>();
        Set<String> prefixes = new TreeSet<>();
        try (Stream<Path> sources = Files.walk(Path.of("src/main/java"))) {
            for (Path source : sources.filter(p -> p.toString().endsWith(".java")).toList()) {
                Matcher literal = KEY_LITERAL.matcher(Files.readString(source));
                while (literal.find()) {
                    (literal.group(1).endsWith(".") ? prefixes : used).add(literal.group(1));
                }
            }
        }
        assertThat(used).as("keys found in the sources").hasSizeGreaterThan(50);
        assertThat(keys).containsAll(used);
        // Keys built from a prefix and an enum constant: every constant needs its words.
        assertThat(keys).containsAll(enumKeys("documents.failure.", Failure.Reason.values()));
        assertThat(keys).containsAll(enumKeys("documents.failureShort.", Failure.Reason.values()));
        assertThat(keys).containsAll(enumKeys("documents.style.", SummaryStyle.values()));
        assertThat(keys).containsAll(enumKeys("documents.language.", OutputLanguage.values()));
        assertThat(keys).containsAll(enumKeys("documents.export.filter.", org.hearth.ui.service.ExportService.Format.values()));
        // An unchanged file needs no sentence.
        assertThat(keys).containsAll(enumKeys("documents.source.",
                new StoredSummary.Source[] {StoredSummary.Source.CHANGED, StoredSummary.Source.MISSING}));
        assertThat(keys).containsAll(enumKeys("settings.language.", UiLanguage.values()));
        assertThat(keys).containsAll(enumKeys("settings.theme.", Theme.values()));
        assertThat(keys).containsAll(enumKeys("inbox.category.", TriageCategory.values()));
        assertThat(keys).containsAll(enumKeys("inbox.runFailure.", InboxService.InboxRun.Failure.Reason.values()));
        assertThat(keys).containsAll(enumKeys("inbox.accountFailure.", InboxService.AccountException.Reason.values()));
        assertThat(keys).containsAll(enumKeys("inbox.signIn.", InboxService.SignIn.values()));
        assertThat(keys).containsAll(enumKeys("inbox.security.", ImapAccount.Security.values()));
        assertThat(keys).containsAll(enumKeys("target.kind.", org.hearth.assistant.route.TargetKind.values()));
        assertThat(keys).containsAll(enumKeys("preview.reason.", org.hearth.assistant.route.Route.Reason.values()));
        assertThat(keys).containsAll(enumKeys("settings.policy.", org.hearth.assistant.route.JobClass.values()));
        assertThat(keys).containsAll(enumKeys("drafting.failure.", org.hearth.ui.service.DraftingService.DraftJob.Failure.Reason.values()));
        assertThat(keys).containsAll(enumKeys("inbox.reply.failure.", org.hearth.ui.service.ReplyService.ReplyJob.Failure.Reason.values()));
        assertThat(keys).containsAll(enumKeys("drafting.status.", org.hearth.assistant.task.draft.FieldProposal.Status.values()));
        assertThat(prefixes).as("every prefix in the code is covered above").containsExactlyInAnyOrder(
                "drafting.failure.", "drafting.status.", "inbox.reply.failure.",
                "target.kind.", "preview.reason.", "settings.policy.",
                "documents.failure.", "documents.failureShort.", "documents.style.", "documents.language.",
                "documents.export.filter.", "documents.source.", "settings.language.", "settings.theme.", "inbox.category.",
                "inbox.runFailure.", "inbox.accountFailure.", "inbox.signIn.", "inbox.security.");
    }

    @Test
    void texts_are_valid_message_formats_without_a_stray_apostrophe() throws IOException {
        for (String bundle : List.of("messages.properties", "messages_de.properties")) {
            Properties texts = load(bundle);
            for (String key : texts.stringPropertyNames()) {
                String text = texts.getProperty(key);
                assertThat(text).as(bundle + " " + key).doesNotContain("'");
                new java.text.MessageFormat(text, Locale.ROOT); // throws on a broken pattern
            }
        }
    }

    private static List<String> enumKeys(String prefix, Enum<?>[] constants) {
        List<String> keys = new ArrayList<>();
        for (Enum<?> constant : constants) {
            keys.add(prefix + constant.name());
        }
        return keys;
    }

    private static Properties load(String name) throws IOException {
        Properties properties = new Properties();
        try (InputStream in = MessageBundlesTest.class.getResourceAsStream("/org/hearth/ui/" + name)) {
            properties.load(new java.io.InputStreamReader(in, java.nio.charset.StandardCharsets.UTF_8));
        }
        return properties;
    }
}
