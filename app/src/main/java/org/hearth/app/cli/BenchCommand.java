package org.hearth.app.cli;

import picocli.CommandLine.Command;

@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Measure Hearth on this machine; record results in BENCHMARKS.md.",
        subcommands = {BenchRuntimeCommand.class, BenchIngestCommand.class, BenchTriageCommand.class, BenchSearchCommand.class,
                BenchDraftCommand.class, BenchOcrCommand.class, BenchStartupCommand.class})
final class BenchCommand {

    @picocli.CommandLine.ParentCommand
    HearthCommand parent;
}
