package org.hearth.app.search;

import java.util.Optional;
import org.hearth.ingest.index.Hit;
import org.hearth.ingest.index.StoredChunk;
import org.hearth.ui.service.SearchService;
import org.hearth.ui.service.SearchService.Highlight;
import org.hearth.ui.service.SearchService.Location;

/** The index's hits and passages as the window's service hands them out. */
final class ServiceHits {

    private ServiceHits() {
    }

    static SearchService.Hit of(Hit hit) {
        return new SearchService.Hit(location(hit.chunk()), hit.score(), hit.snippet().text(),
                hit.snippet().highlights().stream().map(h -> new Highlight(h.start(), h.end())).toList());
    }

    static Location location(StoredChunk chunk) {
        return new Location(chunk.file(), chunk.page().isPresent() ? Optional.of(chunk.page().getAsInt()) : Optional.empty(),
                chunk.paragraphs().map(p -> p.first()), chunk.paragraphs().map(p -> p.last()));
    }
}
