package org.hearth.app.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import org.hearth.app.search.SearchSetup;
import org.hearth.ingest.index.Hit;
import org.hearth.ingest.index.SearchRequest;
import org.hearth.ingest.index.SearchResponse;
import org.hearth.ingest.index.StoredChunk;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "search", mixinStandardHelpOptions = true,
        description = "Find passages in the indexed collections (keywords, plus meaning when an embedding model is installed).")
final class SearchCommand extends HearthSubcommand {

    @Parameters(index = "0", paramLabel = "QUERY", description = "Words to look for, in quotes.")
    String query;

    @Option(names = "--collection", paramLabel = "NAME", description = "Only this collection (default: all).")
    String collection;

    @Option(names = "--top", paramLabel = "K", defaultValue = "10", description = "Hits to show (default: ${DEFAULT-VALUE}).")
    int top;

    @Option(names = "--embedding-model", paramLabel = "FILE", description = "Embedding GGUF (default: the installed one, if any).")
    Path embeddingModel;

    @Override
    public Integer call() throws Exception {
        if (top < 1 || top > SearchRequest.MAX_TOP) {
            throw new IllegalArgumentException("--top must be 1 to " + SearchRequest.MAX_TOP);
        }
        PrintWriter out = out();
        SearchResponse response;
        try (SearchSetup setup = SearchSetup.open(paths(), Optional.ofNullable(embeddingModel), 0)) {
            SearchRequest request = SearchRequest.hybrid(top);
            response = setup.index().search(query, collection == null ? request : request.in(collection));
        }
        if (json) {
            ObjectMapper mapper = new ObjectMapper();
            ObjectNode root = mapper.createObjectNode();
            ArrayNode hits = root.putArray("hits");
            for (Hit hit : response.hits()) {
                ObjectNode entry = hits.addObject();
                entry.put("file", hit.file().toString());
                location(entry, hit.chunk());
                entry.put("score", hit.score());
                entry.put("snippet", hit.snippet().text());
            }
            root.put("hybrid", response.hybrid());
            out.println(mapper.writeValueAsString(root));
        } else {
            if (!response.hybrid()) {
                out.println("(keywords only: " + response.bm25OnlyReason().orElse("no embedding model installed") + ")");
            }
            if (response.hits().isEmpty()) {
                out.println("Nothing found.");
            }
            for (Hit hit : response.hits()) {
                out.printf(Locale.ROOT, "%s%s%n    %s%n", hit.fileName(), where(hit.chunk()), hit.snippet().marked("»", "«"));
            }
        }
        return 0;
    }

    /** {"page": 12} for a PDF, {"paragraph": 3, "last_paragraph": 5} for a DOCX range; "ocr": true for text read from a scan. */
    static void location(ObjectNode entry, StoredChunk chunk) {
        entry.put("ocr", chunk.ocr());
        if (chunk.page().isPresent()) {
            entry.put("page", chunk.page().getAsInt());
        } else if (chunk.paragraphs().isPresent()) {
            entry.put("paragraph", chunk.paragraphs().get().first());
            if (chunk.paragraphs().get().last() != chunk.paragraphs().get().first()) {
                entry.put("last_paragraph", chunk.paragraphs().get().last());
            }
        }
    }

    private static String where(StoredChunk chunk) {
        if (chunk.page().isPresent()) {
            return ", p. " + chunk.page().getAsInt();
        }
        return chunk.paragraphs().map(p -> p.first() == p.last() ? ", para. " + p.first() : ", para. " + p.first() + "–" + p.last())
                .orElse("");
    }
}
