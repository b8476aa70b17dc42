package org.hearth.app.cli;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.hearth.app.bench.StartupBenchmark;
import org.hearth.assistant.llama.ContextOptions;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;

/**
 * The sensible range of every numeric option, checked once for the whole command line before a
 * command runs: unchecked, {@code --max-tokens 2147483647} ended in an OutOfMemoryError and
 * {@code --threads 100000} started thousands of native threads. One table, so an option means the
 * same in every command; a test makes sure no numeric option is missing from it.
 */
final class OptionLimits {

    record Range(long min, long max) {

        boolean contains(long value) {
            return value >= min && value <= max;
        }
    }

    private static final int CORES = Runtime.getRuntime().availableProcessors();
    /** More threads than twice the cores only make llama.cpp's threads wait for each other. */
    private static final Range THREADS = new Range(1, 2L * CORES);

    private static final Map<String, Range> LIMITS = Map.ofEntries(
            Map.entry("--threads", THREADS),
            Map.entry("--workers", THREADS),
            // the CLI's completions run in a context of this size (prompt included)
            Map.entry("--max-tokens", new Range(1, ContextOptions.defaults().contextLength())),
            Map.entry("--seed", new Range(0, Integer.MAX_VALUE)),
            Map.entry("--top", new Range(1, 1_000)),
            Map.entry("--limit", new Range(0, 1_000_000)), // 0: no limit (triage's default)
            Map.entry("--warmup", new Range(0, 1_000)),
            Map.entry("--repetitions", new Range(1, 1_000)),
            Map.entry("--prompt-tokens", new Range(1, 32_768)),
            Map.entry("--gen-tokens", new Range(1, 32_768)),
            Map.entry("--messages", new Range(1, 100_000)),
            Map.entry("--sequences", new Range(1, 64)),
            Map.entry("--answer-tokens", new Range(1, 4_096)),
            Map.entry("--chunks", new Range(1, 10_000_000)),
            Map.entry("--dimension", new Range(1, 8_192)),
            Map.entry("--queries", new Range(1, 1_000_000)),
            Map.entry("--max-pages", new Range(1, 10_000_000)),
            Map.entry("--max-minutes", new Range(1, 100_000)), // about ten weeks
            // a target's model context: the smallest that holds a step, the largest any served model offers
            Map.entry("--context", new Range(512, 10_000_000)),
            // bench draft: the generated template knows 20 fields; a source of up to a thousand pages
            Map.entry("--fields", new Range(1, 20)),
            Map.entry("--uid", new Range(1, 4_294_967_295L)), // IMAP UIDs are 32-bit unsigned, never 0
            Map.entry("--pages", new Range(1, 1_000)),
            Map.entry("--idle-seconds", new Range(0, StartupBenchmark.MAX_IDLE_SECONDS)));

    private OptionLimits() {
    }

    static Optional<Range> of(OptionSpec option) {
        return Optional.ofNullable(LIMITS.get(option.longestName()));
    }

    /** Throws a one-line {@link ParameterException} for the first given number outside its range. */
    static void check(ParseResult parsed) {
        for (ParseResult level = parsed; level != null; level = level.subcommand()) {
            for (OptionSpec option : level.matchedOptions()) {
                Optional<Range> range = of(option);
                Object value = option.getValue();
                if (range.isPresent() && value instanceof Number number && !range.get().contains(number.longValue())) {
                    throw new ParameterException(level.commandSpec().commandLine(), String.format(Locale.ROOT,
                            "%s must be between %d and %d, was %s", option.longestName(), range.get().min(), range.get().max(), value));
                }
            }
        }
    }

    static boolean isNumeric(OptionSpec option) {
        Class<?> type = option.type();
        return type == int.class || type == Integer.class || type == long.class || type == Long.class;
    }

    /** Picocli's usage text would bury the one line that matters. */
    static int oneLine(ParameterException e, String[] args) {
        CommandLine command = e.getCommandLine();
        command.getErr().println("hearth: " + e.getMessage() + " (see '" + command.getCommandSpec().qualifiedName() + " --help')");
        return command.getCommandSpec().exitCodeOnInvalidInput();
    }
}
