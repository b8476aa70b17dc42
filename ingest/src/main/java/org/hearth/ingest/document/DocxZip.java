package org.hearth.ingest.document;

import java.io.File;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Enumeration;
import java.util.Locale;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.poi.openxml4j.util.ZipArchiveThresholdInputStream;
import org.apache.poi.openxml4j.util.ZipEntrySource;
import org.apache.poi.openxml4j.util.ZipFileZipEntrySource;
import org.apache.poi.openxml4j.util.ZipSecureFile;

/**
 * A Word file's zip with POI's zip-bomb guard (ZipSecureFile: no entry may inflate more than 100×
 * its compressed size, nor past 4 GB) on every part that is parsed, but not on the media Word keeps
 * in word/media and word/embeddings. Those are never parsed (POI only reads their bytes, to
 * de-duplicate pictures), and a metafile or bitmap can well inflate 130×: Word's own files with an
 * embedded PDF were refused as bombs. Media is bounded by size instead.
 */
final class DocxZip implements ZipEntrySource {

    /** Far above any real picture, far below the worker's heap. */
    private static final long MEDIA_LIMIT = 64L * 1024 * 1024;

    private final ZipFileZipEntrySource zip;

    DocxZip(File file) throws IOException {
        this.zip = new ZipFileZipEntrySource(new ZipSecureFile(file));
    }

    @Override
    public InputStream getInputStream(ZipArchiveEntry entry) throws IOException {
        InputStream in = zip.getInputStream(entry);
        if (!isMedia(entry.getName()) || !(in instanceof ZipArchiveThresholdInputStream guarded)) {
            return in;
        }
        guarded.setGuardState(false);
        return new SizeLimited(guarded, entry.getName());
    }

    static boolean isMedia(String entryName) {
        String name = entryName.toLowerCase(Locale.ROOT);
        return name.startsWith("word/media/") || name.startsWith("word/embeddings/");
    }

    @Override
    public Enumeration<? extends ZipArchiveEntry> getEntries() {
        return zip.getEntries();
    }

    @Override
    public ZipArchiveEntry getEntry(String path) {
        return zip.getEntry(path);
    }

    @Override
    public void close() throws IOException {
        zip.close();
    }

    @Override
    public boolean isClosed() {
        return zip.isClosed();
    }

    /** Fails the way POI's guard does, so that the reader reports it as the same refusal. */
    private static final class SizeLimited extends FilterInputStream {

        private final String name;
        private long count;

        SizeLimited(InputStream in, String name) {
            super(in);
            this.name = name;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                counted(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            if (n > 0) {
                counted(n);
            }
            return n;
        }

        @Override
        public long skip(long n) throws IOException {
            long skipped = super.skip(n);
            counted(skipped);
            return skipped;
        }

        private void counted(long n) throws IOException {
            count += n;
            if (count > MEDIA_LIMIT) {
                throw new IOException("Zip bomb detected: " + name + " unpacks to more than " + MEDIA_LIMIT + " bytes");
            }
        }
    }
}
