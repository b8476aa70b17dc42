package org.hearth.assistant.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;
import java.util.stream.IntStream;
import org.hearth.assistant.llama.ContextOptions;
import org.hearth.assistant.llama.Generator;
import org.hearth.assistant.llama.LlamaContext;
import org.hearth.assistant.llama.LlamaException;
import org.hearth.assistant.llama.LlamaModel;
import org.hearth.assistant.llama.Sampler;
import org.hearth.assistant.llama.SamplingOptions;
import org.hearth.fixtures.gguf.TestModels;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The model host with the real tiny model: counted leases, swaps that wait for or recall them, waiting leases. */
class ModelHostTest {

    @TempDir
    Path dir;

    private Path first;
    private Path second;
    private ModelHost host;
    // Not the common pool: on a two-core machine it runs one blocking task at a time.
    private final ExecutorService jobs = Executors.newCachedThreadPool();
    private final List<HostState> heard = new CopyOnWriteArrayList<>();

    @BeforeEach
    void start() throws Exception {
        first = TestModels.tinyQwen35(dir.resolve("a"));
        second = Files.move(TestModels.tinyQwen35(dir.resolve("b")), dir.resolve("b").resolve("other.gguf"));
        host = new ModelHost(Duration.ofSeconds(30));
        host.addListener(heard::add);
    }

    @AfterEach
    void stop() {
        jobs.shutdownNow();
        host.close();
    }

    @Test
    void twoConcurrentLeasesKeepTheModelBusyUntilBothClose() throws Exception {
        host.load(first, ModelHost.RunningJobs.LET_FINISH);
        CountDownLatch bothHold = new CountDownLatch(2);
        CountDownLatch finishFirst = new CountDownLatch(1);
        CountDownLatch finishSecond = new CountDownLatch(1);
        CompletableFuture<int[]> firstJob = job(bothHold, finishFirst);
        CompletableFuture<int[]> secondJob = job(bothHold, finishSecond);

        bothHold.await();
        assertThat(host.state()).isEqualTo(new HostState.Ready(first.getFileName().toString(), 2));
        assertThat(host.state().describe()).isEqualTo("busy: 2 jobs");

        finishFirst.countDown();
        assertThat(firstJob.get()).isNotEmpty();
        assertThat(host.state()).isEqualTo(new HostState.Ready(first.getFileName().toString(), 1));
        assertThat(host.state().describe()).isEqualTo("busy: 1 job");

        finishSecond.countDown();
        assertThat(secondJob.get()).isNotEmpty();
        assertThat(host.state().describe()).isEqualTo("ready");
        int firstBusy = IntStream.range(0, heard.size())
                .filter(i -> heard.get(i) instanceof HostState.Ready ready && ready.busy()).findFirst().orElseThrow();
        List<HostState> sinceFirstLease = heard.subList(firstBusy, heard.size());
        assertThat(sinceFirstLease).as("never ready while a job runs").containsOnlyOnce(new HostState.Ready(first.getFileName().toString(), 0));
        assertThat(sinceFirstLease.getLast()).isEqualTo(new HostState.Ready(first.getFileName().toString(), 0));
    }

    @Test
    void closingALeaseTwiceCountsOnce() throws Exception {
        host.load(first, ModelHost.RunningJobs.LET_FINISH);
        ModelLease one = host.lease(() -> false);
        ModelLease two = host.lease(() -> false);

        one.close();
        one.close();

        assertThat(host.state()).isEqualTo(new HostState.Ready(first.getFileName().toString(), 1));
        assertThatThrownBy(one::model).isInstanceOf(IllegalStateException.class);
        two.close();
        assertThat(host.state()).isEqualTo(new HostState.Ready(first.getFileName().toString(), 0));
    }

    @Test
    void aSwapDuringAJobLetsItFinishAndClosesTheOldModelOnlyAfterItsLeaseCloses() throws Exception {
        host.load(first, ModelHost.RunningJobs.LET_FINISH);
        ModelLease lease = host.lease(() -> false);
        LlamaModel old = lease.model();

        CompletableFuture<Void> swap = swapWhenDrainingIsHeard(ModelHost.RunningJobs.LET_FINISH);
        assertThat(host.state()).isEqualTo(new HostState.Draining(first.getFileName().toString(), 1, false));
        CompletableFuture<ModelLease> waiting = CompletableFuture.supplyAsync(this::leaseQuietly, jobs);

        assertThat(generate(lease.model(), 4, lease::cancelled)).as("the job still decodes after the swap was asked for").isNotEmpty();
        assertThat(lease.cancelled()).isFalse();
        assertThat(old.isClosed()).isFalse();
        assertThat(waiting).as("a new job waits for the next model").isNotDone();

        lease.close();
        swap.get();
        assertThat(old.isClosed()).isTrue();
        try (ModelLease next = waiting.get()) {
            assertThat(next.model()).isNotSameAs(old);
            assertThat(next.model().file()).isEqualTo(second);
            assertThat(generate(next.model(), 4, next::cancelled)).isNotEmpty();
        }
    }

    @Test
    void aSwapThatCancelsRunningJobsFlipsTheirLeasesCancelSignalAndWaitsForThemToStop() throws Exception {
        host.load(first, ModelHost.RunningJobs.LET_FINISH);
        AtomicBoolean userCancelled = new AtomicBoolean();
        CompletableFuture<LlamaModel> held = new CompletableFuture<>();
        CompletableFuture<Integer> job = CompletableFuture.supplyAsync(() -> {
            try (ModelLease lease = host.lease(userCancelled::get)) {
                int rounds = 0;
                held.complete(lease.model());
                // runs until someone wants it to stop: only the swap does
                while (!lease.cancelled()) {
                    try {
                        generate(lease.model(), 2, lease::cancelled);
                        rounds++;
                    } catch (CancellationException stopped) {
                        break;
                    }
                }
                assertThat(lease.recalled()).isTrue();
                assertThat(lease.model().isClosed()).isFalse();
                return rounds;
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        }, jobs);
        LlamaModel old = held.get();

        host.load(second, ModelHost.RunningJobs.CANCEL);

        assertThat(job.get()).isNotNegative();
        assertThat(userCancelled).isFalse();
        assertThat(heard).contains(new HostState.Draining(first.getFileName().toString(), 1, true));
        assertThat(old.isClosed()).isTrue();
        assertThat(host.state()).isEqualTo(new HostState.Ready(second.getFileName().toString(), 0));
    }

    @Test
    void aLeaseAskedForWhileTheModelLoadsWaitsAndThenGetsIt() throws Exception {
        CountDownLatch loading = new CountDownLatch(1);
        CountDownLatch continueLoading = new CountDownLatch(1);
        host.addListener(state -> {
            if (state instanceof HostState.Loading && loading.getCount() > 0) {
                loading.countDown();
                awaitQuietly(continueLoading);
            }
        });
        CompletableFuture<Void> load = CompletableFuture.runAsync(() -> loadQuietly(first), jobs);
        loading.await();

        CompletableFuture<ModelLease> lease = new CompletableFuture<>();
        Thread leaser = Thread.ofPlatform().start(() -> lease.complete(leaseQuietly()));
        awaitWaiting(leaser);
        assertThat(lease).isNotDone();
        assertThat(host.state()).isInstanceOf(HostState.Loading.class);

        continueLoading.countDown();
        load.get();
        try (ModelLease got = lease.get()) {
            assertThat(got.model().file()).isEqualTo(first);
            assertThat(generate(got.model(), 4, got::cancelled)).isNotEmpty();
        }
    }

    @Test
    void aCancelledWaitThrowsCancellationException() throws Exception {
        AtomicBoolean cancelled = new AtomicBoolean();
        CompletableFuture<Throwable> outcome = new CompletableFuture<>();
        Thread leaser = Thread.ofPlatform().start(() -> {
            try {
                host.lease(cancelled::get).close();
                outcome.complete(null);
            } catch (Throwable t) {
                outcome.complete(t);
            }
        });
        awaitWaiting(leaser);

        cancelled.set(true);

        assertThat(outcome.get()).isInstanceOf(CancellationException.class);
        assertThat(host.state()).isEqualTo(new HostState.Empty());
    }

    @Test
    void aFailedLoadOrAnAnnouncedFailureFailsLeasesUntilAModelIsExpectedAgain() throws Exception {
        Path broken = Files.writeString(dir.resolve("broken.gguf"), "not a model");
        assertThatThrownBy(() -> host.load(broken, ModelHost.RunningJobs.LET_FINISH)).isInstanceOf(LlamaException.class);
        assertThat(host.state()).isInstanceOf(HostState.Failed.class);
        assertThatThrownBy(() -> host.lease(() -> false)).isInstanceOf(LlamaException.class);

        host.expectModel();
        assertThat(host.state()).isEqualTo(new HostState.Empty());
        host.fail("The download failed: disk full");
        assertThatThrownBy(() -> host.lease(() -> false)).isInstanceOf(LlamaException.class).hasMessage("The download failed: disk full");

        host.load(first, ModelHost.RunningJobs.LET_FINISH);
        try (ModelLease lease = host.lease(() -> false)) {
            assertThat(lease.model().isClosed()).isFalse();
        }
    }

    @Test
    void closingTheHostRecallsLeasesAndNeverFreesAModelAJobStillHolds() throws Exception {
        ModelHost impatient = new ModelHost(Duration.ofMillis(50));
        impatient.load(first, ModelHost.RunningJobs.LET_FINISH);
        ModelLease stuck = impatient.lease(() -> false);
        LlamaModel model = stuck.model();

        impatient.close();

        assertThat(stuck.cancelled()).isTrue();
        assertThat(model.isClosed()).as("the job did not let go, so its model stays").isFalse();
        assertThat(generate(model, 2, () -> false)).isNotEmpty();
        assertThatThrownBy(() -> impatient.lease(() -> false)).isInstanceOf(IllegalStateException.class);
        stuck.close();
        model.close(); // what the process exit would do
    }

    @Test
    void closingTheHostFreesTheModelOnceItsLeasesAreClosed() throws Exception {
        host.load(first, ModelHost.RunningJobs.LET_FINISH);
        LlamaModel model;
        try (ModelLease lease = host.lease(() -> false)) {
            model = lease.model();
        }

        host.close();

        assertThat(model.isClosed()).isTrue();
        assertThat(host.state()).isEqualTo(new HostState.Empty());
    }

    /** A job that takes a lease, says so, decodes once it may finish, and closes its lease. */
    private CompletableFuture<int[]> job(CountDownLatch holding, CountDownLatch finish) {
        return CompletableFuture.supplyAsync(() -> {
            try (ModelLease lease = host.lease(() -> false)) {
                holding.countDown();
                finish.await();
                return generate(lease.model(), 4, lease::cancelled);
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        }, jobs);
    }

    /** Starts a swap to the second model and returns once the host says it waits for the running jobs. */
    private CompletableFuture<Void> swapWhenDrainingIsHeard(ModelHost.RunningJobs runningJobs) throws InterruptedException {
        CountDownLatch draining = new CountDownLatch(1);
        host.addListener(state -> {
            if (state instanceof HostState.Draining) {
                draining.countDown();
            }
        });
        CompletableFuture<Void> swap = CompletableFuture.runAsync(() -> {
            try {
                host.load(second, runningJobs);
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        }, jobs);
        draining.await();
        return swap;
    }

    private ModelLease leaseQuietly() {
        try {
            return host.lease(() -> false);
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    private void loadQuietly(Path file) {
        try {
            host.load(file, ModelHost.RunningJobs.LET_FINISH);
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Real decoding: a few greedy tokens after a short prompt, in a context of its own. */
    static int[] generate(LlamaModel model, int maxTokens, BooleanSupplier cancelled) {
        int[] prompt = model.tokenize("Hallo, wie geht es?", true, false);
        try (LlamaContext context = model.newContext(ContextOptions.defaults().withThreads(1).withContextLength(256));
             Generator generator = new Generator(context);
             Sampler sampler = Sampler.create(model, SamplingOptions.greedy())) {
            return generator.generate(prompt, sampler, maxTokens, Generator.TextListener.ignore(), cancelled).tokens();
        }
    }

    /** Waits without sleeping until {@code thread} waits on the host (a lease's wait is a timed one). */
    static void awaitWaiting(Thread thread) {
        while (thread.getState() != Thread.State.TIMED_WAITING && thread.getState() != Thread.State.WAITING) {
            assertThat(thread.isAlive()).as("the thread ended instead of waiting").isTrue();
            Thread.onSpinWait();
        }
    }
}
