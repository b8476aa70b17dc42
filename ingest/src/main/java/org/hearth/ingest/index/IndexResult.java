package org.hearth.ingest.index;

import java.util.List;

/**
 * What an index run did, counted in files.
 *
 * @param indexed    read (or copied from an identical file already indexed) and indexed anew
 * @param unchanged  already indexed with this content
 * @param removed    gone from the folders, so gone from the index
 * @param renamed    moved or renamed: its chunks moved along without reading the file again
 * @param reembedded unchanged, but given vectors of the current embedding model from the stored text
 * @param errors     files that are not searchable: new failures, and earlier ones whose file has not
 *                   changed since (a failed file is read again once it changes); also folders that are
 *                   not available, whose files then stay in the index as they were
 * @param partlyRead files read in this run whose text passed the limit of one document: only their
 *                   beginning is searchable
 * @param cancelled  the run stopped early; what it did is committed and the next run goes on from there
 */
public record IndexResult(int indexed, int unchanged, int removed, int renamed, int reembedded, List<FileError> errors,
                          List<PartlyRead> partlyRead, boolean cancelled) {

    public IndexResult {
        errors = List.copyOf(errors);
        partlyRead = List.copyOf(partlyRead);
    }
}
