package org.hearth.app.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Comparator;
import org.hearth.app.HearthPaths;
import org.hearth.app.mail.DraftReply;
import org.hearth.app.mail.MailAccount;
import org.hearth.app.mail.MailStore;
import org.hearth.app.mail.StoredMail;
import org.hearth.app.state.LocalState;
import org.hearth.assistant.task.reply.ReplyMail;
import org.hearth.assistant.task.reply.ReplyWriter;
import org.hearth.ingest.document.IsolatedDocumentReader;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "reply", mixinStandardHelpOptions = true,
        description = {"Draft a reply to a mail with the local model, in the mail's language.",
                "The mail is one fetched by triage (--account and --uid) or a saved .eml file. Nothing is sent."})
final class ReplyCommand extends HearthSubcommand {

    private static final ObjectMapper JSON = new ObjectMapper();

    static final class Mail {
        @ArgGroup(exclusive = false)
        Stored stored;

        @Option(names = "--eml", required = true, paramLabel = "FILE", description = "A saved e-mail to answer.")
        Path eml;
    }

    static final class Stored {
        @Option(names = "--account", required = true, paramLabel = "NAME", description = "The saved account the mail was fetched for.")
        String account;

        @Option(names = "--uid", required = true, paramLabel = "N", description = "The mail's IMAP UID, as hearth triage --json prints it.")
        long uid;
    }

    @ArgGroup(exclusive = true, multiplicity = "1")
    Mail mail;

    @Mixin
    ModelOptions modelOptions;

    @Override
    public Integer call() throws Exception {
        HearthPaths paths = paths();
        PrintWriter stdout = out();
        PrintWriter err = err();
        ReplyMail answered;
        String source;
        ReplyWriter.Reply reply;
        try (Cancellation cancelled = new Cancellation();
             ModelOnFirstUse model = new ModelOnFirstUse(modelOptions.setup(paths), err)) {
            if (mail.eml != null) {
                try (IsolatedDocumentReader reader = new IsolatedDocumentReader(IsolatedDocumentReader.Limits.defaults())) {
                    answered = DraftReply.ofEml(reader, mail.eml, cancelled);
                }
                source = mail.eml.toString();
            } else {
                StoredMail stored = stored(paths, mail.stored);
                answered = DraftReply.of(stored);
                source = stored.accountId() + ":" + stored.key();
            }
            reply = new DraftReply().draft(answered, model::engine, json ? piece -> { } : piece -> {
                stdout.print(piece);
                stdout.flush();
            }, cancelled);
        }
        if (json) {
            ObjectNode root = JSON.createObjectNode();
            ObjectNode about = root.putObject("mail");
            about.put("source", source);
            about.put("from", answered.from());
            about.put("subject", answered.subject());
            root.put("reply", reply.text());
            root.put("language", reply.language().code());
            root.put("cutOff", reply.cutOff());
            stdout.println(JSON.writeValueAsString(root));
        } else {
            stdout.println();
            if (reply.cutOff()) {
                err.println("hearth: the reply reached its length limit and may end mid-sentence");
            }
        }
        return 0;
    }

    private static StoredMail stored(HearthPaths paths, Stored wanted) {
        try (MailStore store = new MailStore(LocalState.open(paths.database()))) {
            MailAccount account = store.account(wanted.account).orElseThrow(() ->
                    new IllegalArgumentException("There is no saved account called " + wanted.account + " (hearth accounts list)"));
            return store.mails(account.id()).stream().filter(m -> m.key().uid() == wanted.uid)
                    .max(Comparator.comparingLong(m -> m.key().uidValidity()))
                    .orElseThrow(() -> new IllegalArgumentException("Account " + wanted.account + " has no fetched mail with UID "
                            + wanted.uid + " (hearth triage --account " + wanted.account + " fetches new mail)"));
        }
    }
}
