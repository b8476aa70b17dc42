package org.hearth.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;

/** Every command and subcommand explains itself: --help works and every option and parameter says what it is. */
class CliHelpTest {

    @TempDir
    Path dir;

    static Stream<List<String>> commandPaths() {
        List<List<String>> paths = new ArrayList<>();
        collect(new CommandLine(new HearthCommand()), new ArrayList<>(), paths);
        return paths.stream();
    }

    private static void collect(CommandLine command, List<String> path, List<List<String>> paths) {
        paths.add(List.copyOf(path));
        command.getSubcommands().forEach((name, sub) -> {
            List<String> longer = new ArrayList<>(path);
            longer.add(name);
            collect(sub, longer, paths);
        });
    }

    @ParameterizedTest
    @MethodSource("commandPaths")
    void acceptsHelp(List<String> path) {
        List<String> args = new ArrayList<>(path);
        args.add("--help");
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();

        int exit = HearthCli.execute(new PrintWriter(out, true), new PrintWriter(err, true), args.toArray(String[]::new));

        assertThat(exit).as(err.toString()).isZero();
        assertThat(out.toString()).startsWith("Usage: hearth");
        assertThat(err.toString()).isEmpty();
    }

    @ParameterizedTest
    @MethodSource("commandPaths")
    void describesEveryOptionAndParameter(List<String> path) {
        CommandLine command = new CommandLine(new HearthCommand());
        for (String name : path) {
            command = command.getSubcommands().get(name);
        }
        List<ArgSpec> args = new ArrayList<>(command.getCommandSpec().options());
        args.addAll(command.getCommandSpec().positionalParameters());

        assertThat(args).allSatisfy(arg -> assertThat(String.join(" ", arg.description()))
                .as("description of %s in 'hearth %s'", arg.paramLabel(), String.join(" ", path)).isNotBlank());
    }

    @Test
    void accountsListPrintsOnlyJsonWithJson() throws Exception {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();

        int exit = HearthCli.execute(new PrintWriter(out, true), new PrintWriter(err, true),
                "--home", dir.toString(), "accounts", "list", "--json");

        assertThat(exit).as(err.toString()).isZero();
        JsonNode document = new ObjectMapper().readTree(out.toString());
        assertThat(document.get("accounts").isArray()).isTrue();
        assertThat(document.get("accounts")).isEmpty();
        assertThat(out.toString().strip()).startsWith("{").endsWith("}");
    }
}
