package org.hearth.ingest.index;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.apache.lucene.index.CheckIndex;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.hearth.fixtures.index.IndexCorpus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** kill -9 in the middle of an index run: the index opens clean, and the next run completes it exactly. */
class CrashRecoveryTest {

    private static final int FILES = 30;
    /** Past the second commit (after file 10), with three files indexed but not committed. */
    private static final int HOLD_AFTER = 13;
    private static final long TIMEOUT_SECONDS = 120;

    @TempDir
    Path dir;

    @Test
    void after_a_kill_mid_run_the_index_is_clean_and_the_next_run_completes_without_duplicates() throws Exception {
        Path documents = dir.resolve("akten");
        IndexCorpus.write(documents, FILES, 2026);
        Path indexDirectory = dir.resolve("index");

        List<String> childSaid = runChildUntilItHolds(indexDirectory, documents);

        int committed = HOLD_AFTER / IndexingChild.COMMIT_EVERY_FILES * IndexingChild.COMMIT_EVERY_FILES;
        assertThat(childSaid).contains("committed " + committed).doesNotContain("finished");
        try (Directory directory = FSDirectory.open(indexDirectory)) {
            assertThat(filesOutsideTheLastCommit(directory))
                    .as("the kill left segments of indexed but uncommitted files behind").isNotEmpty();
            try (CheckIndex check = new CheckIndex(directory)) {
                check.setLevel(CheckIndex.Level.MIN_LEVEL_FOR_SLOW_CHECKS);
                assertThat(check.checkIndex().clean).isTrue();
            }
        }

        IndexResult resumed;
        Map<Path, Long> recovered;
        List<StoredChunk> recoveredChunks;
        try (SearchIndex index = SearchIndex.open(indexDirectory, Optional.of(new ConceptEmbedder()))) {
            resumed = index.index(null, DocumentSource.inProcess(), IndexListener.none(), () -> false);
            recoveredChunks = index.allChunks();
            recovered = chunksPerFile(recoveredChunks);
        }
        Map<Path, Long> fresh;
        try (SearchIndex index = SearchIndex.open(dir.resolve("fresh"), Optional.of(new ConceptEmbedder()))) {
            index.addFolder(IndexingChild.COLLECTION, documents);
            index.index(null, DocumentSource.inProcess(), IndexListener.none(), () -> false);
            fresh = chunksPerFile(index.allChunks());
        }

        assertThat(resumed.errors()).isEmpty();
        assertThat(resumed.unchanged()).isEqualTo(committed);
        assertThat(resumed.indexed()).isEqualTo(FILES - committed);
        assertThat(recoveredChunks).extracting(StoredChunk::chunkId).doesNotHaveDuplicates();
        assertThat(fresh).hasSize(FILES);
        assertThat(recovered).isEqualTo(fresh);
    }

    private List<String> runChildUntilItHolds(Path indexDirectory, Path documents) throws Exception {
        Path errors = dir.resolve("child-stderr.txt");
        Process child = new ProcessBuilder(javaExecutable(), "-cp", System.getProperty("java.class.path"),
                IndexingChild.class.getName(), indexDirectory.toString(), documents.toString(), Integer.toString(HOLD_AFTER))
                .redirectError(errors.toFile())
                .start();
        BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        Thread.ofPlatform().daemon().start(() -> {
            try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line = out.readLine(); line != null; line = out.readLine()) {
                    lines.add(line);
                }
            } catch (IOException ended) {
                // the child was killed
            }
            lines.add("<end>");
        });
        List<String> said = new ArrayList<>();
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(TIMEOUT_SECONDS);
            while (!said.contains("holding")) {
                String line = lines.poll(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                assertThat(line).as("the child reached its hold in time; it said %s, stderr: %s", said, Files.readString(errors))
                        .isNotNull().isNotEqualTo("<end>");
                said.add(line);
            }
        } finally {
            child.destroyForcibly();
            assertThat(child.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)).isTrue();
        }
        return said;
    }

    private static Set<String> filesOutsideTheLastCommit(Directory directory) throws IOException {
        Set<String> files = new HashSet<>(Arrays.asList(directory.listAll()));
        files.remove(IndexWriter.WRITE_LOCK_NAME);
        files.removeAll(SegmentInfos.readLatestCommit(directory).files(true));
        return files;
    }

    private static Map<Path, Long> chunksPerFile(List<StoredChunk> chunks) {
        return chunks.stream().collect(Collectors.groupingBy(StoredChunk::file, Collectors.counting()));
    }

    private static String javaExecutable() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }
}
