package org.hearth.app.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;

/** Numbers outside what makes sense stop the command line with one line, before anything is loaded or started. */
class OptionLimitsTest {

    @TempDir
    Path dir;

    @Test
    void everyNumericOptionOfEveryCommandHasARange() {
        List<String> unchecked = new ArrayList<>();
        collectUnchecked(new CommandLine(new HearthCommand()), unchecked);

        assertThat(unchecked).isEmpty();
    }

    private static void collectUnchecked(CommandLine command, List<String> unchecked) {
        for (OptionSpec option : command.getCommandSpec().options()) {
            if (OptionLimits.isNumeric(option) && OptionLimits.of(option).isEmpty()) {
                unchecked.add(command.getCommandSpec().qualifiedName() + " " + option.longestName());
            }
        }
        command.getSubcommands().values().forEach(sub -> collectUnchecked(sub, unchecked));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "generate --model tiny --prompt hi --max-tokens 2147483647 | --max-tokens must be between 1 and 4096, was 2147483647",
            "generate --model tiny --prompt hi --threads 100000         | --threads must be between 1 and",
            "generate --model tiny --prompt hi --threads 0              | --threads must be between 1 and",
            "search hello --top 0                                       | --top must be between 1 and",
            "triage --account x --limit -1                              | --limit must be between 0 and",
            "bench search --chunks 0                                    | --chunks must be between 1 and",
            "bench ingest . --workers 100000                            | --workers must be between 1 and",
            "summarize a.pdf --max-pages 0                              | --max-pages must be between 1 and 10000000, was 0",
            "summarize a.pdf --max-minutes 0                            | --max-minutes must be between 1 and 100000, was 0",
            "summarize a.pdf --max-minutes 2147483647                   | --max-minutes must be between 1 and 100000, was 2147483647"})
    void outOfRangeNumbersEndWithOneLineAndNoOutput(String commandLine, String error) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        List<String> args = new ArrayList<>(List.of("--home", dir.toString()));
        args.addAll(List.of(commandLine.split(" ")));

        int exit = HearthCli.execute(new PrintWriter(out, true), new PrintWriter(err, true), args.toArray(String[]::new));

        assertThat(exit).isNotZero();
        assertThat(out.toString()).isEmpty();
        assertThat(err.toString()).startsWith("hearth: " + error).hasLineCount(1);
    }

    @Test
    void numbersInsideTheirRangesPass() {
        CommandLine cli = new CommandLine(new HearthCommand());
        var parsed = cli.parseArgs("generate", "--model", "tiny", "--prompt", "hi", "--max-tokens", "4096", "--threads", "1", "--seed", "0");

        assertThatCode(() -> OptionLimits.check(parsed)).doesNotThrowAnyException();
    }
}
