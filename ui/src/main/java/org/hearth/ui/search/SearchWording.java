package org.hearth.ui.search;

import java.util.Optional;
import org.hearth.ui.common.Message;
import org.hearth.ui.service.SearchService.Collection;
import org.hearth.ui.service.SearchService.IndexJob.Summary;
import org.hearth.ui.service.SearchService.Location;

/** The Search tab's sentences as bundle keys with their arguments, so a language switch re-words them. */
final class SearchWording {

    private SearchWording() {
    }

    /** "p. 12", "para. 3", "paras. 3–5", or nothing for a plain text file. */
    static Optional<Message> place(Location location) {
        if (location.page().isPresent()) {
            return Optional.of(Message.of("search.place.page", location.page().get()));
        }
        if (location.firstParagraph().isEmpty()) {
            return Optional.empty();
        }
        int first = location.firstParagraph().get();
        int last = location.lastParagraph().orElse(first);
        return Optional.of(last > first
                ? Message.of("search.place.paragraphs", first, last)
                : Message.of("search.place.paragraph", first));
    }

    /** The file and, where known, the place in it: "Vertrag.pdf · p. 12". */
    static Message fileAndPlace(Location location) {
        return place(location)
                .map(place -> Message.of("search.fileAndPlace", location.fileName(), place))
                .orElse(Message.of("search.file", location.fileName()));
    }

    /** "Müller GmbH · 41 files · 1,203 passages", or "All collections" for the empty choice. */
    static Message collection(Optional<Collection> collection) {
        return collection
                .map(c -> Message.of("search.collection", c.name(), c.files(), c.chunks()))
                .orElse(Message.of("search.collection.all"));
    }

    /**
     * The indexing line. The service counts the files it finished, so the file it reads now is the next one:
     * "Reading file 41 of 300: Vertrag.pdf" while 40 are done.
     */
    static Message indexProgress(long filesDone, long filesTotal, String currentFile) {
        if (filesTotal <= 0) {
            return Message.of("search.index.scanning");
        }
        long reading = Math.min(filesDone + 1, filesTotal);
        String name = lastSegment(currentFile);
        return name.isEmpty()
                ? Message.of("search.index.progress", filesDone, filesTotal)
                : Message.of("search.index.reading", reading, filesTotal, name);
    }

    static Message indexDone(Summary summary) {
        return summary.errors().isEmpty()
                ? Message.of("search.index.done", summary.indexed(), summary.unchanged(), summary.removed())
                : Message.of("search.index.doneWithErrors", summary.indexed(), summary.unchanged(), summary.removed(),
                        summary.errors().size());
    }

    /** Only the file's name: the folders above it are the user's and make the line long. */
    private static String lastSegment(String file) {
        String trimmed = file == null ? "" : file.strip();
        int slash = Math.max(trimmed.lastIndexOf('/'), trimmed.lastIndexOf('\\'));
        return trimmed.substring(slash + 1);
    }
}
