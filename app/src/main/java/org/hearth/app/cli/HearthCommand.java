package org.hearth.app.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

@Command(name = "hearth",
        mixinStandardHelpOptions = true,
        versionProvider = HearthVersion.class,
        description = "Hearth: a private office assistant. Without a command it opens the window.",
        subcommands = {GenerateCommand.class, SummarizeCommand.class, TriageCommand.class, AccountsCommand.class,
                IndexCommand.class, SearchCommand.class, AskCommand.class, DraftCommand.class, ReplyCommand.class, ModelsCommand.class, AnonymizeCommand.class, TextCommand.class, AuditCommand.class,
                TargetsCommand.class, PolicyCommand.class,
                BenchCommand.class})
final class HearthCommand implements Callable<Integer> {

    @Option(names = "--home", scope = ScopeType.INHERIT, paramLabel = "DIR",
            description = "Data folder (default: HEARTH_HOME or the OS's application data folder).")
    Path home;

    // What a desktop's "Open with Hearth" passes (the installers register PDF and DOCX).
    @Parameters(arity = "0..*", paramLabel = "FILE",
            description = "Files to open in the window's Documents tab, as \"Open with Hearth\" does.")
    List<Path> files = List.of();

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        for (Path file : files) {
            // a mistyped command lands here too: say both, rather than opening a window for it
            if (!Files.isRegularFile(file)) {
                throw new ParameterException(spec.commandLine(), "no command or file named '" + file
                        + "'");
            }
        }
        org.hearth.app.HearthLauncher.openWindow(HearthCli.paths(home), files.stream().map(Path::toAbsolutePath).toList());
        return 0;
    }
}
