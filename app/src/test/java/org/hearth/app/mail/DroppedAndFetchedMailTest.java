package org.hearth.app.mail;

import static java.util.stream.Collectors.joining;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.hearth.app.documents.DocumentPassages;
import org.hearth.assistant.engine.local.LocalEngine;
import org.hearth.assistant.llama.ContextOptions;
import org.hearth.assistant.task.summary.Passage;
import org.hearth.assistant.task.triage.TriageMail;
import org.hearth.assistant.task.triage.Triager;
import org.hearth.domain.Language;
import org.hearth.fixtures.mail.GreenMailServer;
import org.hearth.fixtures.mail.TestMails;
import org.hearth.ingest.document.DocumentReaders;
import org.hearth.ingest.document.ReadOptions;
import org.hearth.ingest.document.ReadProgress;
import org.hearth.ingest.mail.ImapAccount;
import org.hearth.ingest.mail.MailCredentials;
import org.hearth.ingest.mail.MailMessage;
import org.hearth.ingest.mail.MailSync;
import org.hearth.ingest.mail.SyncCursor;
import org.hearth.ingest.mail.SyncOptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * A dropped .eml and an IMAP mail give the same model input for the same message: one MIME-to-text path, so the
 * hidden-HTML strip that keeps injected instructions from the model cannot be skipped by dropping the mail instead.
 */
class DroppedAndFetchedMailTest {

    private static final String BODY = """
            Sehr geehrte Frau Müller,

            die Kündigungsfrist nach § 573c BGB endet am 31. März – bitte bestätigen Sie den Eingang.

            Mit freundlichen Grüßen
            Jürgen Weiß""";

    @RegisterExtension
    static final TinyModel MODEL = new TinyModel();

    @TempDir
    Path dir;

    @Test
    void aDroppedEmlAndAnImapMailGiveTheSameModelInput() throws Exception {
        byte[] raw = TestMails.quotedPrintableHtmlWithHiddenInjection();

        MailMessage fetched = fetch(raw);
        String triageBody = MailBodies.forTriage(fetched);
        String triagePrompt;
        try (Triager triager = new Triager(new LocalEngine(MODEL.get(), ContextOptions.defaults().withThreads(1).withContextLength(4096)),
                Language.GERMAN, new Triager.Limits(600, 2000))) {
            triagePrompt = triager.prompt(new TriageMail("1", fetched.from(), fetched.subject(), null, triageBody), List.of()).user();
        }

        Path eml = Files.write(dir.resolve("frist.eml"), raw);
        List<Passage> passages = DocumentPassages.of(DocumentReaders.read(eml, ReadOptions.none(), ReadProgress.none()));
        String summaryBody = passages.stream().skip(1).map(Passage::text).collect(joining("\n\n"));

        assertThat(passages.getFirst().text()).startsWith("From: Max Mustermann").contains("Subject: Frist Kündigung");
        assertThat(triageBody).isEqualTo(BODY);
        assertThat(summaryBody).isEqualTo(triageBody);
        assertThat(triagePrompt).contains(triageBody).doesNotContain("IGNORE");
        assertThat(passages).extracting(Passage::text).noneMatch(text -> text.contains("IGNORE"));
    }

    private static MailMessage fetch(byte[] raw) throws Exception {
        try (GreenMailServer server = new GreenMailServer()) {
            server.deliver(raw);
            ImapAccount account = new ImapAccount("127.0.0.1", server.imapsPort(), ImapAccount.Security.IMAPS,
                    GreenMailServer.USER, "INBOX", Optional.of(GreenMailServer.certificate()));
            List<MailMessage> messages = new ArrayList<>();
            new MailSync(account, SyncOptions.DEFAULTS).sync(new MailCredentials.Password(GreenMailServer.PASSWORD.toCharArray()),
                    SyncCursor.NONE, messages::add, MailSync.Progress.NONE, () -> false);
            assertThat(messages).hasSize(1);
            return messages.getFirst();
        }
    }
}
