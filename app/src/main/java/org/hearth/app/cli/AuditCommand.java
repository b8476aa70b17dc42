package org.hearth.app.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.hearth.app.privacy.EgressLogs;
import org.hearth.app.privacy.RoutingStore;
import org.hearth.app.state.LocalState;
import org.hearth.assistant.route.egress.EgressEntry;
import org.hearth.assistant.route.egress.EgressLog;
import org.hearth.assistant.route.egress.Verification;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

@Command(name = "audit", mixinStandardHelpOptions = true,
        description = {"The egress log: every request that left this machine, hash-chained so that a changed, removed or "
                + "reordered entry shows."},
        subcommands = {AuditCommand.ListEntries.class, AuditCommand.Verify.class, AuditCommand.Export.class, AuditCommand.KeepText.class})
final class AuditCommand implements Callable<Integer> {

    private static final ObjectMapper JSON = new ObjectMapper();

    @ParentCommand
    HearthCommand parent;

    @Override
    public Integer call() {
        throw new IllegalArgumentException("name what to do: audit list, audit verify, audit export --out FILE or audit keep-text on|off");
    }

    /** What the three subcommands share: the log in the data folder the top command chose. */
    abstract static class AuditSubcommand implements Callable<Integer> {

        @ParentCommand
        AuditCommand audit;

        @picocli.CommandLine.Spec
        picocli.CommandLine.Model.CommandSpec spec;

        @Option(names = "--json", description = "Print one JSON document and nothing else.")
        boolean json;

        EgressLog log() {
            return EgressLogs.in(HearthCli.paths(audit.parent.home));
        }

        PrintWriter out() {
            return spec.commandLine().getOut();
        }
    }

    @Command(name = "keep-text", mixinStandardHelpOptions = true, description = {"Whether the log keeps the exact text of each "
            + "request from now on (as sent: anonymised where the server asks for it). Off unless turned on; entries "
            + "written before keep what they had."})
    static final class KeepText extends AuditSubcommand {

        @picocli.CommandLine.Parameters(paramLabel = "on|off", description = "on or off")
        String choice;

        @Override
        public Integer call() throws Exception {
            boolean keep = switch (choice.toLowerCase(Locale.ROOT)) {
                case "on" -> true;
                case "off" -> false;
                default -> throw new IllegalArgumentException("keep-text takes on or off, not \"" + choice + "\"");
            };
            try (RoutingStore store = new RoutingStore(LocalState.open(HearthCli.paths(audit.parent.home).database()))) {
                store.keepSentText(keep);
            }
            if (json) {
                out().println(JSON.writeValueAsString(JSON.createObjectNode().put("keepText", keep)));
            } else {
                out().println(keep ? "The egress log keeps the text of each request from now on."
                        : "The egress log keeps no text of requests from now on.");
            }
            return 0;
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "Every request that left, oldest first.")
    static final class ListEntries extends AuditSubcommand {
        @Override
        public Integer call() throws Exception {
            List<EgressEntry> entries = log().entries();
            if (json) {
                out().println(JSON.writeValueAsString(entriesJson(entries)));
            } else if (entries.isEmpty()) {
                out().println("Nothing has left this machine.");
            } else {
                for (EgressEntry entry : entries) {
                    out().println(String.format(Locale.ROOT, "%4d  %s  %-8s → %s (%s)  %,d bytes  %s  confirmed: %s", entry.sequence(),
                            entry.time(), entry.jobClass(), entry.target(), entry.host(), entry.bytes(), entry.placeholders(),
                            entry.confirmation()));
                }
            }
            return 0;
        }
    }

    @Command(name = "verify", mixinStandardHelpOptions = true,
            description = "Check the chain; exits 1 and names the first entry that does not fit when the log was changed.")
    static final class Verify extends AuditSubcommand {
        @Override
        public Integer call() throws Exception {
            Verification verification = log().verify();
            if (json) {
                out().println(JSON.writeValueAsString(verificationJson(verification)));
            } else if (verification.intact()) {
                out().println("The egress log is intact: " + verification.entries() + " entries.");
            } else {
                Verification.Break broken = verification.broken().orElseThrow();
                out().println("The egress log was changed: line " + broken.line() + ": " + broken.reason() + ".");
            }
            return verification.intact() ? 0 : 1;
        }
    }

    @Command(name = "export", mixinStandardHelpOptions = true,
            description = "Write every entry and the result of the check to a JSON file, e.g. for the firm's records.")
    static final class Export extends AuditSubcommand {

        @Option(names = "--out", required = true, paramLabel = "FILE.json", description = "The file to write (not overwritten).")
        Path file;

        @Override
        public Integer call() throws Exception {
            EgressLog log = log();
            ObjectNode root = JSON.createObjectNode();
            root.set("verification", verificationJson(log.verify()));
            root.set("entries", entriesJson(log.entries()));
            Files.writeString(file, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(root), java.nio.file.StandardOpenOption.CREATE_NEW);
            if (json) {
                out().println(JSON.writeValueAsString(JSON.createObjectNode().put("out", file.toString())
                        .put("entries", root.get("entries").size())));
            } else {
                out().println("Wrote " + root.get("entries").size() + " entries to " + file);
            }
            return 0;
        }
    }

    private static ArrayNode entriesJson(List<EgressEntry> entries) {
        ArrayNode array = JSON.createArrayNode();
        entries.forEach(entry -> array.add(EgressLog.describe(entry)));
        return array;
    }

    private static ObjectNode verificationJson(Verification verification) {
        ObjectNode node = JSON.createObjectNode();
        node.put("intact", verification.intact());
        node.put("entries", verification.entries());
        verification.broken().ifPresent(broken -> node.put("line", broken.line()).put("reason", broken.reason()));
        return node;
    }
}
