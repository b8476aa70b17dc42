package org.hearth.app.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.hearth.ingest.document.DocumentException;
import org.hearth.ingest.document.DocumentText;
import org.hearth.ingest.document.DocumentType;
import org.hearth.ingest.document.IsolatedDocumentReader;
import org.hearth.ingest.document.ReadOptions;
import org.hearth.ingest.document.ReadProgress;
import org.hearth.ingest.document.TextBlock;

/**
 * OCR quality and speed through the product path (one worker process, as a document is read in the
 * app): each scan in a folder is read and compared with the .txt of the same name beside it. Scans
 * are grouped by the folder they are in (e.g. clean/ and rough/), so each quality has its own error rate.
 */
public final class OcrBenchmark {

    /** @param characterErrorRate the edits over all pages of the group / the reference characters */
    public record Group(String name, int pages, long referenceCharacters, double characterErrorRate, double seconds) {
        public double pagesPerMinute() {
            return pages * 60 / seconds;
        }
    }

    public record Result(List<Group> groups) {
    }

    private OcrBenchmark() {
    }

    /** The scans (PNG, JPEG, TIFF, PDF) in {@code folder} and below that have a reference text, in name order. */
    public static List<Path> scans(Path folder) throws IOException {
        try (Stream<Path> paths = Files.walk(folder)) {
            return paths.filter(Files::isRegularFile)
                    .filter(file -> DocumentType.of(file).filter(type -> type.isImage() || type == DocumentType.PDF).isPresent())
                    .filter(file -> Files.isRegularFile(reference(file)))
                    .sorted()
                    .toList();
        }
    }

    public static Result run(Path folder, List<Path> scans, Consumer<String> progress, BooleanSupplier cancelled)
            throws IOException, DocumentException {
        Map<Path, List<Path>> byFolder = scans.stream()
                .collect(Collectors.groupingBy(Path::getParent, LinkedHashMap::new, Collectors.toList()));
        List<Group> groups = new ArrayList<>();
        try (IsolatedDocumentReader reader = new IsolatedDocumentReader(IsolatedDocumentReader.Limits.defaults())) {
            // the first scan of a worker unpacks Tesseract and its language data: not part of any page's time
            reader.read(scans.getFirst(), ReadOptions.none(), ReadProgress.none(), cancelled);
            for (Map.Entry<Path, List<Path>> entry : byFolder.entrySet()) {
                String name = folder.relativize(entry.getKey()).toString();
                groups.add(measure(name.isEmpty() ? "." : name, entry.getValue(), reader, progress, cancelled));
            }
        }
        return new Result(groups);
    }

    private static Group measure(String name, List<Path> scans, IsolatedDocumentReader reader, Consumer<String> progress,
                                 BooleanSupplier cancelled) throws IOException, DocumentException {
        long edits = 0;
        long referenceCharacters = 0;
        int pages = 0;
        long start = System.nanoTime();
        for (Path scan : scans) {
            progress.accept(name + ": " + scan.getFileName());
            DocumentText text = reader.read(scan, ReadOptions.none(), ReadProgress.none(), cancelled);
            String recognised = text.blocks().stream().map(TextBlock::text).collect(Collectors.joining("\n"));
            String expected = Files.readString(reference(scan));
            edits += CharacterErrorRate.edits(recognised, expected);
            referenceCharacters += CharacterErrorRate.length(expected);
            pages += Math.max(1, text.pageCount());
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        return new Group(name, pages, referenceCharacters, (double) edits / referenceCharacters, seconds);
    }

    private static Path reference(Path scan) {
        String name = scan.getFileName().toString();
        return scan.resolveSibling(name.substring(0, name.lastIndexOf('.')) + ".txt");
    }
}
