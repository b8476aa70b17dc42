package org.hearth.app.secrets;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.hearth.app.secrets.SecretStoreException.Kind;
import org.hearth.ingest.process.ChildProcesses;

/**
 * Runs a keychain command line tool once. The secret goes in on stdin and comes back on stdout, never in the
 * arguments (which every user of the machine can read in the process list) or the environment (which child
 * processes inherit and crash reports collect).
 */
final class KeychainProcess {

    /** After the tool exited, its output pipes must end soon; a grandchild holding them open is not waited for. */
    private static final Duration DRAIN = Duration.ofSeconds(5);
    private static final int MAX_DETAIL = 200;

    private KeychainProcess() {
    }

    /**
     * What the tool did. {@code stdout} may hold a secret: {@link #wipe()} it once read.
     */
    record Result(int exitCode, byte[] stdout, String stderr) {

        void wipe() {
            Arrays.fill(stdout, (byte) 0);
        }

        /** The first line the tool wrote to stderr, shortened: enough to tell a locked keyring from a missing one. */
        String detail() {
            String line = stderr.lines().map(String::strip).filter(text -> !text.isEmpty()).findFirst().orElse("");
            return line.length() <= MAX_DETAIL ? line : line.substring(0, MAX_DETAIL) + "...";
        }
    }

    /**
     * @param tool    the tool's name for messages
     * @param timeout how long the tool may take; it may be showing an unlock prompt, so not too short
     */
    static Result run(String tool, List<String> command, byte[] stdin, Duration timeout) throws SecretStoreException {
        Process process;
        try {
            process = ChildProcesses.builder(command).start();
        } catch (IOException e) {
            throw new SecretStoreException(Kind.UNAVAILABLE, "Could not start " + tool, e);
        }
        FutureTask<byte[]> stdout = drain(process.getInputStream());
        FutureTask<byte[]> stderr = drain(process.getErrorStream());
        try (OutputStream in = process.getOutputStream()) {
            in.write(stdin);
        } catch (IOException exitedEarly) {
            // the tool stopped before reading everything; its exit code and stderr say why
        }
        try {
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                kill(process);
                throw new SecretStoreException(Kind.FAILED, tool + " did not answer within " + timeout.toSeconds()
                        + " seconds (a keychain prompt may be waiting)");
            }
            return new Result(process.exitValue(), stdout.get(DRAIN.toMillis(), TimeUnit.MILLISECONDS),
                    new String(stderr.get(DRAIN.toMillis(), TimeUnit.MILLISECONDS), StandardCharsets.UTF_8));
        } catch (InterruptedException e) {
            kill(process);
            Thread.currentThread().interrupt();
            throw new SecretStoreException(Kind.FAILED, "Interrupted while waiting for " + tool);
        } catch (ExecutionException | TimeoutException e) {
            kill(process);
            throw new SecretStoreException(Kind.FAILED, "Could not read the answer of " + tool, e);
        }
    }

    private static FutureTask<byte[]> drain(InputStream stream) {
        FutureTask<byte[]> task = new FutureTask<>(() -> {
            try (stream) {
                return stream.readAllBytes();
            }
        });
        Thread.ofVirtual().name("keychain-tool-output").start(task);
        return task;
    }

    private static void kill(Process process) {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
    }
}
