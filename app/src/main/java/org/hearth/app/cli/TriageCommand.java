package org.hearth.app.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.hearth.app.HearthPaths;
import org.hearth.app.mail.AccountCredentials;
import org.hearth.app.mail.InboxRefresh;
import org.hearth.app.mail.MailAccounts;
import org.hearth.app.mail.MailNetwork;
import org.hearth.app.mail.MailStore;
import org.hearth.app.mail.OAuthClients;
import org.hearth.app.mail.StoredMail;
import org.hearth.app.mail.TriageDefaults;
import org.hearth.app.mail.TriageRouting;
import org.hearth.app.privacy.JobRouting;
import org.hearth.app.privacy.NetworkGate;
import org.hearth.app.privacy.Outgoing;
import org.hearth.app.privacy.RoutingStore;
import org.hearth.app.secrets.Keychain;
import org.hearth.app.secrets.SecretStoreException;
import org.hearth.app.state.LocalState;
import org.hearth.assistant.engine.Engine;
import org.hearth.assistant.engine.local.LocalEngine;
import org.hearth.assistant.llama.LlamaModel;
import org.hearth.assistant.route.JobClass;
import org.hearth.assistant.route.anonymise.AnonymisationException;
import org.hearth.domain.Language;
import org.hearth.ingest.mail.MailSyncException;
import org.hearth.ingest.mail.SyncOptions;
import org.hearth.ingest.mail.oauth.TokenClient;
import org.hearth.ui.service.InboxService;
import org.hearth.ui.service.InboxService.InboxRun.Stage;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "triage", mixinStandardHelpOptions = true,
        description = {"Fetch new mail over IMAP (read-only) and triage it with the local model.",
                "Results are kept in Hearth's mail database: the next run fetches only mail that is new since."})
final class TriageCommand extends HearthSubcommand {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Option(names = "--imap", paramLabel = "URL", description = "imaps://USER@HOST:PORT[/FOLDER] (or imap:// for STARTTLS).")
    String imap;

    @Option(names = "--account", paramLabel = "NAME", description = "A saved account (see `hearth accounts`).")
    String account;

    @Option(names = "--password-env", paramLabel = "VAR", description = "Read the password from this environment variable.")
    String passwordEnv;

    @Option(names = "--trust-cert", paramLabel = "FILE.pem", description = "Trust this one certificate for a self-signed server.")
    Path trustCert;

    @Option(names = "--limit", paramLabel = "N", defaultValue = "0", description = "Fetch at most N new mails (oldest first).")
    int limit;

    @Option(names = "--since", paramLabel = "YYYY-MM-DD", description = "Only mail received on or after this day.")
    LocalDate since;

    @Option(names = "--lang", paramLabel = "de|en", description = "Language of summaries (default: the settings, else the system's).")
    String language;

    @Option(names = "--target", paramLabel = "NAME",
            description = "Triage on a saved server (`hearth targets`), anonymised; without --yes only shows what would be sent.")
    String routeTo;

    @Option(names = "--yes", description = "Send to --target: you have seen the preview.")
    boolean yes;

    @Mixin
    ModelOptions modelOptions;

    @Override
    public Integer call() throws Exception {
        if ((imap == null) == (account == null)) {
            throw new IllegalArgumentException("name the mailbox with --imap URL or --account NAME (one of them)");
        }
        if (limit < 0) {
            throw new IllegalArgumentException("--limit must be 0 or more");
        }
        HearthPaths paths = paths();
        PrintWriter out = out();
        PrintWriter err = err();
        ModelSetup models = modelOptions.setup(paths);
        var settings = models.settings();
        SyncOptions options = SyncOptions.DEFAULTS.withLimit(limit);
        if (since != null) {
            options = options.withSince(since);
        }
        ProgressLine progress = new ProgressLine(err);
        LlamaModel[] loaded = new LlamaModel[1];
        Outgoing[] previewed = new Outgoing[1];
        NetworkGate.Permit[] serverPermit = new NetworkGate.Permit[1];
        try (MailStore store = new MailStore(paths.database()); Cancellation cancelled = new Cancellation();
             RoutingStore routingStore = new RoutingStore(LocalState.open(paths.database()))) {
            TriageRouting routing = new TriageRouting(JobRouting.onThisSystem(JobClass.TRIAGE, routingStore, paths, Optional.ofNullable(routeTo)));
            if (yes && !routing.mayLeave()) {
                throw new IllegalArgumentException("--yes confirms sending to a server, but no server is named with --target "
                        + "or allowed for triage (`hearth policy set triage NAME`)");
            }
            InboxRefresh.TriageSettings triageSettings = TriageDefaults.settings(settings, modelOptions.threads, language);
            MailAccounts accounts = new MailAccounts(store,
                    new AccountCredentials(Keychain.system(), OAuthClients.inDataFolder(paths.home()), new TokenClient()));
            Optional<char[]> password = Optional.ofNullable(passwordEnv).map(PasswordSources::fromEnvironment);
            MailAccounts.Resolved target = account != null
                    ? accounts.saved(account, password, Optional.ofNullable(trustCert))
                    : accounts.adHoc(imap, password.orElse(null), Optional.ofNullable(trustCert));
            InboxRefresh.EngineSource engines = (pending, c) -> {
                Outgoing outgoing = routing.mayLeave() ? outgoing(routing, pending) : null;
                if (outgoing != null && outgoing.route().leavesTheMachine()) {
                    if (!yes && !routing.withoutAsking()) {
                        previewed[0] = outgoing;
                        return Optional.empty();
                    }
                    err.println("hearth: " + outgoing.route().describe());
                    serverPermit[0] = routing.permit(outgoing.route().target().orElseThrow());
                    return Optional.of(remote(routing, outgoing, consent(yes)));
                }
                if (loaded[0] == null) {
                    loaded[0] = models.load(err, c);
                }
                return Optional.of(new LocalEngine(loaded[0], triageSettings.context()));
            };
            InboxRefresh.Outcome outcome;
            try (NetworkGate.Permit permit = MailNetwork.server(target.account().imap())) {
                outcome = new InboxRefresh(store, options).run(target.account(), target.credentials(), engines,
                        triageSettings, new InboxRefresh.Listener() {
                            @Override
                            public void progress(Stage stage, long done, long total) {
                                progress.show(switch (stage) {
                                    case CONNECTING -> "Connecting to " + target.account().host();
                                    case FETCHING -> String.format(Locale.ROOT, "Fetching mail %d of %d", done, total);
                                    case WAITING_FOR_MODEL -> "Loading the model";
                                    case TRIAGING -> String.format(Locale.ROOT, "Triaging mail %d of %d", done, total);
                                });
                            }
                        }, cancelled);
            }
            progress.done();
            if (previewed[0] != null) {
                return preview(previewed[0], out, err);
            }
            List<StoredMail> handled = handled(outcome);
            if (json) {
                out.println(JSON.writeValueAsString(json(handled)));
            } else {
                print(handled, out);
            }
            if (outcome.cancelled()) {
                err.println("hearth: cancelled; the next run goes on from here");
                return 1;
            }
            return 0;
        } catch (MailSyncException e) {
            progress.done();
            throw new IllegalStateException(e.getMessage(), e);
        } finally {
            progress.done();
            if (serverPermit[0] != null) {
                serverPermit[0].close();
            }
            if (loaded[0] != null) {
                loaded[0].close();
            }
        }
    }

    private static Outgoing outgoing(TriageRouting routing, List<StoredMail> pending) {
        try {
            return routing.outgoing(pending);
        } catch (AnonymisationException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    private static Engine remote(TriageRouting routing, Outgoing outgoing, String consent) {
        try {
            return routing.engine(outgoing, consent);
        } catch (SecretStoreException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    /** What `--target` without `--yes` prints: the new mail as it would leave. It stays pending; nothing is sent. */
    private int preview(Outgoing outgoing, PrintWriter out, PrintWriter err) throws Exception {
        if (json) {
            ObjectNode root = JSON.createObjectNode().put("sent", false).put("route", outgoing.route().describe());
            AnonymizeCommand.describe(root, outgoing.shown());
            root.remove("restored");
            out.println(JSON.writeValueAsString(root));
        } else {
            out.println("== " + outgoing.route().describe() + " ==");
            out.println(outgoing.shown().outgoing());
            err.println("hearth: nothing was sent; the new mail waits; run again with --yes to send it as shown");
        }
        return 0;
    }

    /** Every mail this run finished: those that could not be read at all, then those triaged. */
    private static List<StoredMail> handled(InboxRefresh.Outcome outcome) {
        List<StoredMail> all = new ArrayList<>();
        outcome.fetched().stream().filter(m -> m.status() == InboxService.Status.FAILED).forEach(all::add);
        all.addAll(outcome.handled());
        all.sort(Comparator.comparing(StoredMail::key, Comparator.comparingLong(org.hearth.app.mail.MailKey::uidValidity)
                .thenComparingLong(org.hearth.app.mail.MailKey::uid)));
        return all;
    }

    static ObjectNode json(List<StoredMail> mails) throws java.io.IOException {
        ObjectNode root = JSON.createObjectNode();
        ArrayNode messages = root.putArray("messages");
        for (StoredMail mail : mails) {
            ObjectNode entry = messages.addObject();
            entry.put("uid", mail.key().uid());
            entry.put("subject", mail.subject());
            entry.put("from", mail.from());
            boolean ok = mail.status() == InboxService.Status.OK;
            entry.put("status", ok ? "ok" : "error");
            if (ok) {
                entry.putNull("error");
                entry.set("triage", JSON.readTree(mail.triageJson().orElseThrow()));
            } else {
                entry.put("error", mail.error().orElse("not triaged"));
                entry.putNull("triage");
            }
        }
        return root;
    }

    private static void print(List<StoredMail> mails, PrintWriter out) {
        if (mails.isEmpty()) {
            out.println("No new mail.");
            return;
        }
        List<StoredMail> sorted = new ArrayList<>(mails);
        sorted.sort(Comparator.comparingInt(StoredMail::priority).reversed());
        for (StoredMail mail : sorted) {
            if (mail.status() == InboxService.Status.OK) {
                var triage = mail.triage().orElseThrow();
                out.printf(Locale.ROOT, "[%d] %-24s %s — %s%n", mail.priority(), triage.category().wireName(), mail.from(), mail.subject());
                out.println("    " + triage.summary());
                triage.deadlines().forEach(d -> out.println("    due " + d.date() + ": " + d.what()));
                if (!triage.fileNumbers().isEmpty()) {
                    out.println("    file numbers: " + String.join(", ", triage.fileNumbers()));
                }
            } else {
                out.printf(Locale.ROOT, "[!] %s — %s%n    %s%n", mail.from(), mail.subject(), mail.error().orElse(""));
            }
        }
    }
}
