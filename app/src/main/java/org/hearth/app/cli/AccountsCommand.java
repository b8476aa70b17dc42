package org.hearth.app.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Callable;
import org.hearth.app.mail.AccountCredentials;
import org.hearth.app.mail.ImapUrl;
import org.hearth.app.mail.MailAccount;
import org.hearth.app.mail.MailAccounts;
import org.hearth.app.mail.MailStore;
import org.hearth.app.mail.MailNetwork;
import org.hearth.app.secrets.Keychain;
import org.hearth.app.secrets.SecretStoreException;
import org.hearth.ingest.mail.MailCredentials;
import org.hearth.ingest.mail.MailSync;
import org.hearth.ingest.mail.MailSyncException;
import org.hearth.ingest.mail.SyncOptions;
import org.hearth.ui.service.InboxService.SignIn;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

@Command(name = "accounts", mixinStandardHelpOptions = true,
        description = "Saved mail accounts for `hearth triage --account NAME`; passwords go to the system keychain.",
        subcommands = {AccountsCommand.Add.class, AccountsCommand.ListAccounts.class, AccountsCommand.Remove.class})
final class AccountsCommand {

    private static final ObjectMapper JSON = new ObjectMapper();

    @ParentCommand
    HearthCommand parent;

    @Option(names = "--json", scope = ScopeType.INHERIT, description = "Print one JSON document.")
    boolean json;

    /** What the subcommands share: the command line they answer on and the mail store of the chosen home. */
    abstract static class Subcommand implements Callable<Integer> {
        @ParentCommand
        AccountsCommand accounts;

        @Spec
        CommandSpec spec;

        MailStore store() {
            return new MailStore(HearthCli.paths(accounts.parent.home).database());
        }
    }

    @Command(name = "add", mixinStandardHelpOptions = true,
            description = "Check that the account logs in, then save it (the password into the keychain).")
    static final class Add extends Subcommand {
        @Parameters(paramLabel = "NAME", description = "A name for the account, used with `hearth triage --account`.")
        String name;

        @Option(names = "--imap", required = true, paramLabel = "URL", description = "imaps://USER@HOST:PORT[/FOLDER] (or imap:// for STARTTLS).")
        String imap;

        @Option(names = "--password-env", required = true, paramLabel = "VAR", description = "Read the password from this environment variable.")
        String passwordEnv;

        @Option(names = "--trust-cert", paramLabel = "FILE.pem", description = "Trust this one certificate for a self-signed server.")
        Path trustCert;

        @Override
        public Integer call() throws Exception {
            char[] password = PasswordSources.fromEnvironment(passwordEnv);
            ImapUrl url = ImapUrl.parse(imap);
            Optional<String> pem = trustCert == null ? Optional.empty() : Optional.of(MailAccounts.pem(trustCert));
            MailAccount account = new MailAccount(UUID.randomUUID().toString(), name, url.host(), url.port(), url.security(),
                    url.user(), url.folder(), SignIn.PASSWORD, pem, false);
            try (MailStore store = store()) {
                if (store.account(name).isPresent()) {
                    throw new IllegalArgumentException("an account named \"" + name + "\" exists already");
                }
                try (var permit = MailNetwork.server(account.imap())) {
                    new MailSync(account.imap(), SyncOptions.DEFAULTS).check(new MailCredentials.Password(password.clone()));
                } catch (MailSyncException e) {
                    throw new IllegalStateException(e.getMessage(), e);
                }
                Keychain.system().open().put(account.secretKey(), password);
                store.addAccount(account);
            }
            spec.commandLine().getOut().println(accounts.json
                    ? JSON.writeValueAsString(JSON.createObjectNode().put("name", name).put("address", account.address()))
                    : "Saved \"" + name + "\": " + account.address() + " (read-only; write-back off)");
            return 0;
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "The saved accounts.")
    static final class ListAccounts extends Subcommand {
        @Override
        public Integer call() throws Exception {
            PrintWriter out = spec.commandLine().getOut();
            try (MailStore store = store()) {
                var all = store.accounts();
                if (accounts.json) {
                    ArrayNode rows = JSON.createArrayNode();
                    for (MailAccount a : all) {
                        rows.addObject().put("name", a.name()).put("address", a.address())
                                .put("sign_in", a.signIn().name().toLowerCase(java.util.Locale.ROOT)).put("write_back", a.writeBack());
                    }
                    out.println(JSON.writeValueAsString(JSON.createObjectNode().set("accounts", rows)));
                    return 0;
                }
                if (all.isEmpty()) {
                    out.println("No saved accounts. Add one with: hearth accounts add NAME --imap URL --password-env VAR");
                }
                all.forEach(a -> out.println(a.name() + "\t" + a.address() + "\t" + a.signIn().name().toLowerCase(java.util.Locale.ROOT)
                        + (a.writeBack() ? "\twrite-back on" : "")));
            }
            return 0;
        }
    }

    @Command(name = "remove", mixinStandardHelpOptions = true,
            description = "Forget an account, its stored mails and its keychain entry. Nothing on the server changes.")
    static final class Remove extends Subcommand {
        @Parameters(paramLabel = "NAME", description = "The saved account's name.")
        String name;

        @Override
        public Integer call() throws Exception {
            try (MailStore store = store()) {
                MailAccount account = store.account(name)
                        .orElseThrow(() -> new IllegalArgumentException("no saved account named \"" + name + "\""));
                store.removeAccount(account.id());
                try {
                    Keychain.system().open().delete(account.secretKey());
                } catch (SecretStoreException e) {
                    spec.commandLine().getErr().println("hearth: the keychain entry could not be removed: " + e.getMessage());
                }
            }
            spec.commandLine().getOut().println(accounts.json
                    ? JSON.writeValueAsString(JSON.createObjectNode().put("removed", name))
                    : "Removed \"" + name + "\".");
            return 0;
        }
    }
}
