package org.hearth.app.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.hearth.app.privacy.RoutingStore;
import org.hearth.app.secrets.Keychain;
import org.hearth.app.state.LocalState;
import org.hearth.assistant.route.Target;
import org.hearth.assistant.route.TargetKind;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(name = "targets", mixinStandardHelpOptions = true,
        description = {"Servers a job may be routed to: the firm's own OpenAI-compatible server (llama-server, vLLM, Ollama) "
                + "or a cloud provider. Nothing goes anywhere until `hearth policy set` allows a kind of job."},
        subcommands = {TargetsCommand.Add.class, TargetsCommand.ListTargets.class, TargetsCommand.Remove.class})
final class TargetsCommand implements Callable<Integer> {

    private static final ObjectMapper JSON = new ObjectMapper();

    @ParentCommand
    HearthCommand parent;

    @Override
    public Integer call() {
        throw new IllegalArgumentException("name what to do: targets add, targets list or targets remove");
    }

    /** The routing store in the data folder the top command chose. */
    abstract static class TargetsSubcommand implements Callable<Integer> {

        @ParentCommand
        TargetsCommand targets;

        @Spec
        CommandSpec spec;

        @Option(names = "--json", description = "Print one JSON document and nothing else.")
        boolean json;

        RoutingStore store() {
            return new RoutingStore(LocalState.open(HearthCli.paths(targets.parent.home).database()));
        }
    }

    @Command(name = "add", mixinStandardHelpOptions = true, description = "Save a server; its API key goes to the system keychain.")
    static final class Add extends TargetsSubcommand {

        @Parameters(index = "0", paramLabel = "NAME", description = "A name of your choice, e.g. Kanzlei-Server.")
        String name;

        @Option(names = "--kind", required = true, paramLabel = "firm|cloud", description = "firm: a server of the firm's own; cloud: a provider.")
        String kind;

        @Option(names = "--url", required = true, paramLabel = "URL", description = "The server's base address, e.g. http://10.0.0.5:8080.")
        URI url;

        @Option(names = "--model", required = true, paramLabel = "M", description = "The model name the server expects.")
        String model;

        @Option(names = "--context", paramLabel = "TOKENS", defaultValue = "32768", description = "The model's context on that server (default: ${DEFAULT-VALUE}).")
        int context;

        @Option(names = "--api-key-env", paramLabel = "VAR", description = "Read the API key from this environment variable (none: the server needs no key).")
        String apiKeyEnv;

        @Option(names = "--no-anonymise", description = "Send the firm's own server the text as it is (never for cloud targets).")
        boolean noAnonymise;

        @Option(names = "--price-in", paramLabel = "EUR", description = "Euros per million prompt tokens, for the cost estimate.")
        Double priceIn;

        @Option(names = "--price-out", paramLabel = "EUR", description = "Euros per million generated tokens.")
        Double priceOut;

        @Override
        public Integer call() throws Exception {
            TargetKind targetKind = switch (kind.toLowerCase(java.util.Locale.ROOT)) {
                case "firm" -> TargetKind.FIRM;
                case "cloud" -> TargetKind.CLOUD;
                default -> throw new IllegalArgumentException("--kind is firm or cloud, was " + kind);
            };
            Target target = new Target(name, targetKind, url, model, context, !noAnonymise,
                    Optional.ofNullable(priceIn), Optional.ofNullable(priceOut));
            char[] apiKey = apiKeyEnv == null ? null : PasswordSources.fromEnvironment(apiKeyEnv);
            try (RoutingStore store = store()) {
                String secretKey = store.add(target, apiKey != null);
                if (apiKey != null) {
                    try {
                        Keychain.system().open().put(secretKey, apiKey);
                    } catch (Exception e) {
                        store.remove(name);
                        throw e;
                    } finally {
                        java.util.Arrays.fill(apiKey, '\0');
                    }
                }
            }
            if (json) {
                spec.commandLine().getOut().println(JSON.writeValueAsString(targetJson(target)));
            } else {
                spec.commandLine().getOut().println("Saved " + name + " (" + target.hostAndPort() + "). Allow it for a kind of job with "
                        + "`hearth policy set summary " + name + "`.");
            }
            return 0;
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "The saved servers.")
    static final class ListTargets extends TargetsSubcommand {
        @Override
        public Integer call() throws Exception {
            try (RoutingStore store = store()) {
                ArrayNode array = JSON.createArrayNode();
                for (RoutingStore.StoredTarget stored : store.targets()) {
                    array.add(targetJson(stored.target()));
                    if (!json) {
                        Target target = stored.target();
                        spec.commandLine().getOut().println(target.name() + "  " + target.kind().name().toLowerCase(java.util.Locale.ROOT)
                                + "  " + target.baseUri() + "  " + target.model() + (target.anonymise() ? "  anonymised" : "  not anonymised"));
                    }
                }
                if (json) {
                    spec.commandLine().getOut().println(JSON.writeValueAsString(array));
                } else if (array.isEmpty()) {
                    spec.commandLine().getOut().println("No servers saved: every job runs on this machine.");
                }
            }
            return 0;
        }
    }

    @Command(name = "remove", mixinStandardHelpOptions = true, description = "Forget a server, every permission to use it and its API key.")
    static final class Remove extends TargetsSubcommand {

        @Parameters(index = "0", paramLabel = "NAME", description = "The server's name.")
        String name;

        @Override
        public Integer call() throws Exception {
            try (RoutingStore store = store()) {
                RoutingStore.StoredTarget stored = store.find(name).orElseThrow(() ->
                        new IllegalArgumentException("no target named \"" + name + "\""));
                store.remove(name);
                if (stored.hasKey()) {
                    try {
                        Keychain.system().open().delete(stored.secretKey());
                    } catch (Exception e) {
                        spec.commandLine().getErr().println("hearth: the keychain entry could not be removed: " + e.getMessage());
                    }
                }
            }
            if (json) {
                spec.commandLine().getOut().println(JSON.writeValueAsString(JSON.createObjectNode().put("removed", name)));
            }
            return 0;
        }
    }

    static ObjectNode targetJson(Target target) {
        ObjectNode node = JSON.createObjectNode();
        node.put("name", target.name());
        node.put("kind", target.kind().name().toLowerCase(java.util.Locale.ROOT));
        node.put("url", target.baseUri().toString());
        node.put("model", target.model());
        node.put("context", target.contextLength());
        node.put("anonymise", target.anonymise());
        target.pricePerMillionIn().ifPresent(price -> node.put("price_in", price));
        target.pricePerMillionOut().ifPresent(price -> node.put("price_out", price));
        return node;
    }
}
