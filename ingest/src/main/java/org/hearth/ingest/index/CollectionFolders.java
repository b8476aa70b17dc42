package org.hearth.ingest.index;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.SequencedSet;
import java.util.TreeMap;

/**
 * The folders of each collection, kept in the index's commit data so they change atomically with
 * the index and survive a crash exactly as far as the index does. Thread-safe.
 */
final class CollectionFolders {

    static final String COMMIT_KEY = "hearth.folders";

    private final TreeMap<String, SequencedSet<Path>> folders = new TreeMap<>();

    static CollectionFolders fromCommitData(Map<String, String> commitData) {
        CollectionFolders result = new CollectionFolders();
        String encoded = commitData.getOrDefault(COMMIT_KEY, "");
        for (String line : encoded.split("\n")) {
            int tab = line.indexOf('\t');
            if (tab > 0) {
                result.add(decode(line.substring(0, tab)), Path.of(decode(line.substring(tab + 1))));
            }
        }
        return result;
    }

    synchronized String toCommitValue() {
        StringBuilder encoded = new StringBuilder();
        folders.forEach((collection, paths) -> paths.forEach(path ->
                encoded.append(encode(collection)).append('\t').append(encode(path.toString())).append('\n')));
        return encoded.toString();
    }

    /** @return false when the collection already had the folder */
    synchronized boolean add(String collection, Path folder) {
        return folders.computeIfAbsent(collection, c -> new LinkedHashSet<>()).add(folder);
    }

    /** @return false when the collection did not have the folder */
    synchronized boolean remove(String collection, Path folder) {
        SequencedSet<Path> paths = folders.get(collection);
        if (paths == null || !paths.remove(folder)) {
            return false;
        }
        if (paths.isEmpty()) {
            folders.remove(collection);
        }
        return true;
    }

    synchronized List<String> collections() {
        return List.copyOf(folders.keySet());
    }

    synchronized List<Path> folders(String collection) {
        SequencedSet<Path> paths = folders.get(collection);
        return paths == null ? List.of() : List.copyOf(paths);
    }

    /** Collection → folders, for one collection or (null) all. */
    synchronized Map<String, List<Path>> snapshot(String collection) {
        Map<String, List<Path>> snapshot = new TreeMap<>();
        folders.forEach((name, paths) -> {
            if (collection == null || collection.equals(name)) {
                snapshot.put(name, new ArrayList<>(paths));
            }
        });
        return snapshot;
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static String decode(String value) {
        return URLDecoder.decode(value, StandardCharsets.UTF_8);
    }
}
