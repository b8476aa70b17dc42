package org.hearth.ingest.document;

/** Hears how far reading a paged document is ("Reading page 41 of 300"). */
@FunctionalInterface
public interface ReadProgress {

    void pages(int done, int total);

    static ReadProgress none() {
        return (done, total) -> { };
    }
}
