package org.hearth.app.cli;

import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;

/**
 * The command lines a desktop starts Hearth with: none, or the files of "Open with Hearth". They go straight to the
 * window, because building the parser's whole command tree first costs the window's start more than half a second.
 * Anything else, including a file that bears a command's name, is the parser's to read.
 */
final class DesktopStart {

    private DesktopStart() {
    }

    /** Read only for a command line with arguments: the plain start from the desktop has none. */
    private static final class Commands {

        static final Set<String> NAMES = Arrays.stream(HearthCommand.class.getAnnotation(Command.class).subcommands())
                .map(command -> command.getAnnotation(Command.class).name())
                .collect(Collectors.toUnmodifiableSet());
    }

    /** @return the files to open, absolute; empty when {@code args} are not a desktop's */
    static Optional<List<Path>> files(String... args) {
        List<Path> files = new ArrayList<>();
        for (String arg : args) {
            if (arg.startsWith("-") || Commands.NAMES.contains(arg)) {
                return Optional.empty();
            }
            try {
                Path file = Path.of(arg);
                if (!Files.isRegularFile(file)) {
                    return Optional.empty();
                }
                files.add(file.toAbsolutePath());
            } catch (InvalidPathException e) {
                return Optional.empty();
            }
        }
        return Optional.of(List.copyOf(files));
    }
}
