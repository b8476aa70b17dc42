package org.hearth.app.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.hearth.app.privacy.RoutingStore;
import org.hearth.app.state.LocalState;
import org.hearth.assistant.route.JobClass;
import org.hearth.assistant.route.Target;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(name = "policy", mixinStandardHelpOptions = true,
        description = {"Which kinds of job may leave this machine, and to which servers. Default: none; everything is local."},
        subcommands = {PolicyCommand.Set.class, PolicyCommand.Show.class})
final class PolicyCommand implements Callable<Integer> {

    private static final ObjectMapper JSON = new ObjectMapper();

    @ParentCommand
    HearthCommand parent;

    @Override
    public Integer call() {
        throw new IllegalArgumentException("name what to do: policy set JOBCLASS local|NAME[,NAME] or policy show");
    }

    RoutingStore store() {
        return new RoutingStore(LocalState.open(HearthCli.paths(parent.home).database()));
    }

    @Command(name = "set", mixinStandardHelpOptions = true, description = "Allow a kind of job to go to these servers, or keep it local.")
    static final class Set implements Callable<Integer> {

        @ParentCommand
        PolicyCommand policy;

        @Spec
        CommandSpec spec;

        @Parameters(index = "0", paramLabel = "JOBCLASS", description = "triage, summary, answer or draft.")
        String jobClass;

        @Parameters(index = "1", paramLabel = "local|NAME[,NAME]", description = "local, or the servers it may go to.")
        String targets;

        @Option(names = "--without-asking", description = "Send jobs of this kind without showing what goes first "
                + "(still anonymised where the server asks for it, still in the egress log). Off unless given.")
        boolean withoutAsking;

        @Override
        public Integer call() {
            JobClass job = RoutingStore.jobClass(jobClass);
            List<String> names = targets.equalsIgnoreCase("local") ? List.of()
                    : Arrays.stream(targets.split(",")).map(String::strip).filter(name -> !name.isEmpty()).toList();
            try (RoutingStore store = policy.store()) {
                store.allow(job, names, withoutAsking);
            }
            spec.commandLine().getOut().println(job.name().toLowerCase(Locale.ROOT) + ": "
                    + (names.isEmpty() ? "runs on this machine only" : "may go to " + String.join(", ", names)
                    + (withoutAsking ? ", without asking" : ", after its preview")));
            return 0;
        }
    }

    @Command(name = "show", mixinStandardHelpOptions = true, description = "Where each kind of job may go.")
    static final class Show implements Callable<Integer> {

        @ParentCommand
        PolicyCommand policy;

        @Spec
        CommandSpec spec;

        @Option(names = "--json", description = "Print one JSON document and nothing else.")
        boolean json;

        @Override
        public Integer call() throws Exception {
            ObjectNode root = JSON.createObjectNode();
            ArrayNode unasked = JSON.createArrayNode();
            try (RoutingStore store = policy.store()) {
                for (JobClass job : JobClass.values()) {
                    String name = job.name().toLowerCase(Locale.ROOT);
                    List<String> allowed = store.allowed(job).stream().map(Target::name).toList();
                    boolean withoutAsking = store.withoutAsking(job);
                    root.putArray(name).addAll(allowed.stream().map(root::textNode).toList());
                    if (withoutAsking) {
                        unasked.add(name);
                    }
                    if (!json) {
                        spec.commandLine().getOut().println(name + ": " + (allowed.isEmpty() ? "local"
                                : String.join(", ", allowed) + (withoutAsking ? " (without asking)" : "")));
                    }
                }
            }
            root.set("withoutAsking", unasked);
            if (json) {
                spec.commandLine().getOut().println(JSON.writeValueAsString(root));
            }
            return 0;
        }
    }
}
