package org.hearth.app.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.hearth.app.HearthPaths;
import org.hearth.app.search.SearchSetup;
import org.hearth.ingest.document.IsolatedDocumentReader;
import org.hearth.ingest.index.DocumentSource;
import org.hearth.ingest.index.FileError;
import org.hearth.ingest.index.IndexResult;
import org.hearth.ingest.index.PartlyRead;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "index", mixinStandardHelpOptions = true,
        description = {"Add folders to a collection and bring its search index up to date.",
                "Only new and changed files are read (by content hash); deleted and renamed files are followed."})
final class IndexCommand extends HearthSubcommand {

    static final String DEFAULT_COLLECTION = "Dokumente";

    @Parameters(paramLabel = "FOLDER", arity = "1..*", description = "Folders to add (their files are indexed, subfolders included).")
    List<Path> folders;

    @Option(names = "--collection", paramLabel = "NAME", description = "Collection name (default: ${DEFAULT-VALUE}).",
            defaultValue = DEFAULT_COLLECTION)
    String collection;

    @Option(names = "--embedding-model", paramLabel = "FILE",
            description = "Embedding GGUF for hybrid search (default: the installed Qwen3-Embedding, else keywords only).")
    Path embeddingModel;

    @Option(names = "--threads", paramLabel = "N", description = "Threads for embeddings (default: the settings, else all cores).")
    Integer threads;

    @Override
    public Integer call() throws Exception {
        HearthPaths paths = paths();
        PrintWriter out = out();
        PrintWriter err = err();
        for (Path folder : folders) {
            if (!Files.isDirectory(folder)) {
                throw new IllegalArgumentException("not a folder: " + folder);
            }
        }
        ProgressLine progress = new ProgressLine(err);
        IndexResult result;
        boolean hybrid;
        try (SearchSetup setup = SearchSetup.open(paths, Optional.ofNullable(embeddingModel), ModelSetup.of(paths, null, threads).threads());
             IsolatedDocumentReader reader = new IsolatedDocumentReader(IsolatedDocumentReader.Limits.defaults());
             Cancellation cancelled = new Cancellation()) {
            for (Path folder : folders) {
                setup.index().addFolder(collection, folder.toAbsolutePath().normalize());
            }
            hybrid = setup.hasEmbeddings();
            result = setup.index().index(collection, DocumentSource.isolated(reader), (done, total, file) ->
                    progress.show(String.format(Locale.ROOT, "Indexing %d of %d: %s", done + 1, total, file.getFileName())), cancelled);
        } finally {
            progress.done();
        }
        if (json) {
            ObjectMapper mapper = new ObjectMapper();
            ObjectNode root = mapper.createObjectNode();
            root.put("collection", collection);
            root.put("indexed", result.indexed());
            root.put("skipped", result.unchanged());
            root.put("removed", result.removed());
            root.put("renamed", result.renamed());
            root.put("hybrid", hybrid);
            ArrayNode errors = root.putArray("errors");
            for (FileError error : result.errors()) {
                errors.addObject().put("file", error.file().toString()).put("error", error.message());
            }
            ArrayNode partlyRead = root.putArray("partlyRead");
            for (PartlyRead partly : result.partlyRead()) {
                partlyRead.addObject()
                        .put("file", partly.file().toString())
                        .put("unit", partly.limit().unit().name().toLowerCase(Locale.ROOT))
                        .put("lastRead", partly.limit().lastRead())
                        .put("total", partly.limit().total())
                        .put("maxCharacters", partly.limit().maxCharacters())
                        .put("note", partly.limit().describe());
            }
            root.put("cancelled", result.cancelled());
            out.println(mapper.writeValueAsString(root));
        } else {
            out.printf(Locale.ROOT, "%s: %d indexed, %d unchanged, %d removed, %d renamed, %d errors%s%n", collection,
                    result.indexed(), result.unchanged(), result.removed(), result.renamed(), result.errors().size(),
                    hybrid ? "" : " (keywords only: no embedding model installed)");
            result.errors().forEach(e -> out.println("  " + e.file() + ": " + e.message()));
            result.partlyRead().forEach(p -> out.println("  " + p.file() + ": " + p.limit().describe()));
        }
        if (result.cancelled()) {
            err.println("hearth: cancelled; the next run goes on from the last commit");
            return 1;
        }
        return 0;
    }
}
