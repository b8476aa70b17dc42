package org.hearth.app.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

@Command(name = "hearth",
        mixinStandardHelpOptions = true,
        versionProvider = HearthVersion.class,
        description = "Hearth: a private office assistant. Without a command it opens the window.",
        subcommands = {GenerateCommand.class, SummarizeCommand.class, TriageCommand.class, AccountsCommand.class,
                IndexCommand.class, SearchCommand.class, AskCommand.class, DraftCommand.class, ModelsCommand.class, AnonymizeCommand.class, AuditCommand.class,
                TargetsCommand.class, PolicyCommand.class,
                BenchCommand.class})
final class HearthCommand implements Callable<Integer> {

    @Option(names = "--home", scope = ScopeType.INHERIT, paramLabel = "DIR",
            description = "Data folder (default: HEARTH_HOME or the OS's application data folder).")
    Path home;

    @Override
    public Integer call() {
        org.hearth.app.HearthLauncher.openWindow(HearthCli.paths(home));
        return 0;
    }
}
