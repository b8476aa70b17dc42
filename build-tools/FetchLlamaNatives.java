/*
 * Fetches the pinned llama.cpp C-API shared libraries for one platform into a cache folder outside
 * the repository. Run by the assistant module's build (generate-resources) as a single-file program:
 *
 *   java FetchLlamaNatives.java --platform linux-x64 --package-version 3.21.1 --release v0.4.0 \
 *        --sha256 <hex> --dest ~/.cache/hearth/natives/v0.4.0-linux-x64
 *
 * What it does (see docs/decisions/0002-llama-natives.md):
 *  1. If DEST/.complete holds the expected tarball SHA-256, the libraries are there: exit at once.
 *  2. Otherwise `npm pack @node-llama-cpp/<platform>@<version>` in a work folder next to DEST
 *     (npm's own configuration decides where the package comes from), check the tarball's SHA-256,
 *     unpack only llama.cpp's C-API libraries (libllama*, libggml*, llama*.dll, ggml*.dll; never
 *     Node's llama-addon.node or the C++ helper libllama-common) into a temp folder next to DEST,
 *     write the marker as the last file, and rename the folder into place in one step. So DEST is
 *     either absent, a complete install, or an older folder without a valid marker.
 *
 * No dependencies beyond the JDK; works on Linux, macOS and Windows. Any failure ends with exit
 * code 1 and one line on stderr that says what to do.
 */

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;

public class FetchLlamaNatives {

    static final String MARKER = ".complete";
    static final String SUPPORTED = "linux-x64, mac-arm64, win-x64";
    static final Pattern SAFE_TOKEN = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");
    static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");

    /** A failure the user can act on: printed as one line, exit code 1. */
    static final class Failure extends Exception {
        private static final long serialVersionUID = 1L;

        Failure(String message) {
            super(message);
        }
    }

    public static void main(String[] args) {
        try {
            run(args);
        } catch (Failure f) {
            System.err.println("[hearth natives] ERROR: " + f.getMessage());
            System.exit(1);
        } catch (IOException e) {
            System.err.println("[hearth natives] ERROR: fetching the llama.cpp libraries failed: " + e
                    + " (check disk space and permissions of the natives cache, then run again)");
            System.exit(1);
        }
    }

    static void run(String[] args) throws Failure, IOException {
        Map<String, String> opts = parseArgs(args);
        String platform = opts.get("platform");
        String version = opts.get("package-version");
        String release = opts.get("release");
        String sha256 = opts.get("sha256").toLowerCase(Locale.ROOT);
        Path dest = Path.of(opts.get("dest")).toAbsolutePath().normalize();

        if (platform.equals("unsupported")) {
            throw new Failure("no llama.cpp libraries for " + System.getProperty("os.name") + "/"
                    + System.getProperty("os.arch") + "; supported: " + SUPPORTED);
        }
        if (!SAFE_TOKEN.matcher(platform).matches() || !SAFE_TOKEN.matcher(version).matches()) {
            throw new Failure("bad --platform or --package-version: '" + platform + "', '" + version + "'");
        }
        if (!SHA256.matcher(sha256).matches()) {
            throw new Failure("--sha256 must be 64 hex digits, got '" + sha256
                    + "' (set hearth.natives.sha256 in pom.xml for " + platform + ")");
        }

        if (isComplete(dest, sha256)) {
            return; // the common case: nothing to do
        }

        String spec = "@node-llama-cpp/" + platform + "@" + version;
        Path parent = dest.getParent();
        Files.createDirectories(parent);
        Path work = Files.createTempDirectory(parent, "." + dest.getFileName() + ".fetch-");
        try {
            System.out.println("[hearth natives] fetching " + spec + " (llama.cpp " + release + ") into " + dest);
            Path tarball = npmPack(spec, work.resolve("pack"));

            String actual = sha256Of(tarball);
            if (!actual.equals(sha256)) {
                Files.deleteIfExists(tarball);
                throw new Failure("SHA-256 mismatch for " + spec + ": expected " + sha256 + ", actual " + actual
                        + "; the downloaded file was deleted. If the package was upgraded on purpose, update"
                        + " hearth.natives.sha256 in pom.xml; otherwise do not use it.");
            }

            Path staged = work.resolve(dest.getFileName().toString());
            Files.createDirectories(staged);
            List<String> files = unpackLibraries(tarball, staged);
            checkLooksComplete(files, spec);
            // The marker is the last file written; the rename below publishes it together with the libraries.
            Files.writeString(staged.resolve(MARKER), sha256 + "\n", StandardCharsets.UTF_8);

            publish(staged, dest, sha256, work);
            System.out.println("[hearth natives] " + files.size() + " libraries ready in " + dest);
        } finally {
            deleteRecursively(work);
        }
    }

    static Map<String, String> parseArgs(String[] args) throws Failure {
        List<String> required = List.of("platform", "package-version", "release", "sha256", "dest");
        Map<String, String> opts = new LinkedHashMap<>();
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (!a.startsWith("--") || i + 1 >= args.length || !required.contains(a.substring(2))) {
                throw new Failure("usage: java FetchLlamaNatives.java --platform P --package-version V"
                        + " --release R --sha256 HEX --dest DIR (bad argument: '" + a + "')");
            }
            opts.put(a.substring(2), args[++i].trim());
        }
        for (String r : required) {
            if (!opts.containsKey(r) || opts.get(r).isEmpty()) {
                throw new Failure("missing --" + r + " (usage: java FetchLlamaNatives.java --platform P"
                        + " --package-version V --release R --sha256 HEX --dest DIR)");
            }
        }
        return opts;
    }

    static boolean isComplete(Path dest, String sha256) {
        try {
            Path marker = dest.resolve(MARKER);
            return Files.isRegularFile(marker) && Files.readString(marker, StandardCharsets.UTF_8).trim().equals(sha256);
        } catch (IOException e) {
            return false;
        }
    }

    // ---------------------------------------------------------------- npm

    static Path npmPack(String spec, Path dir) throws Failure, IOException {
        Files.createDirectories(dir);
        boolean windows = System.getProperty("os.name").toLowerCase(Locale.ROOT).startsWith("windows");
        String npm = windows ? "npm.cmd" : "npm";
        Path log = dir.resolve("npm-pack.log");
        ProcessBuilder pb = new ProcessBuilder(npm, "pack", spec, "--silent")
                .directory(dir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        Process p;
        try {
            p = pb.start();
            p.getOutputStream().close(); // npm gets no input: it must never wait for a prompt
        } catch (IOException e) {
            throw new Failure("Hearth's build needs npm to fetch the llama.cpp libraries: install Node.js/npm and run again");
        }
        int exit;
        try {
            if (!p.waitFor(15, TimeUnit.MINUTES)) {
                p.destroyForcibly();
                throw new Failure("'" + npm + " pack " + spec + "' did not finish within 15 minutes;"
                        + " check the network and npm's registry configuration, then run again");
            }
            exit = p.exitValue();
        } catch (InterruptedException e) {
            p.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new Failure("interrupted while running '" + npm + " pack " + spec + "'");
        }
        if (exit != 0) {
            throw new Failure("'" + npm + " pack " + spec + "' failed with exit code " + exit + " ("
                    + lastLines(log, 3) + "); check the network and npm's registry configuration, then run again");
        }
        try (Stream<Path> s = Files.list(dir)) {
            List<Path> tgz = s.filter(f -> f.getFileName().toString().endsWith(".tgz")).toList();
            if (tgz.size() != 1) {
                throw new Failure("'" + npm + " pack " + spec + "' produced " + tgz.size()
                        + " tarballs instead of one in " + dir);
            }
            return tgz.getFirst();
        }
    }

    static String lastLines(Path log, int n) {
        try {
            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8).stream()
                    .map(String::strip).filter(l -> !l.isEmpty()).toList();
            List<String> tail = lines.subList(Math.max(0, lines.size() - n), lines.size());
            return tail.isEmpty() ? "no output" : String.join(" | ", tail);
        } catch (IOException e) {
            return "no output";
        }
    }

    static String sha256Of(Path file) throws IOException {
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), MessageDigest.getInstance("SHA-256"))) {
            in.transferTo(OutputStream.nullOutputStream());
            return HexFormat.of().formatHex(((DigestInputStream) in).getMessageDigest().digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e); // every JDK has SHA-256
        }
    }

    // ---------------------------------------------------------------- which files

    /** llama.cpp's C-API libraries and ggml backends; not Node's addon, not the C++ helper library. */
    static boolean isCApiLibrary(String fileName) {
        String n = fileName.toLowerCase(Locale.ROOT);
        if (n.contains("llama-common") || n.contains("llama-addon") || n.endsWith(".node")) {
            return false;
        }
        boolean sharedLibrary = n.endsWith(".so") || n.matches(".+\\.so(\\.\\d+)+") || n.endsWith(".dylib") || n.endsWith(".dll");
        boolean llamaOrGgml = n.startsWith("libllama") || n.startsWith("libggml") || n.startsWith("llama") || n.startsWith("ggml");
        return sharedLibrary && llamaOrGgml;
    }

    static void checkLooksComplete(List<String> files, String spec) throws Failure {
        boolean llama = files.stream().anyMatch(f -> f.toLowerCase(Locale.ROOT).matches("(lib)?llama\\..*"));
        boolean ggmlBase = files.stream().anyMatch(f -> f.toLowerCase(Locale.ROOT).startsWith("libggml-base") || f.toLowerCase(Locale.ROOT).startsWith("ggml-base"));
        if (!llama || !ggmlBase) {
            throw new Failure(spec + " does not contain the llama.cpp libraries Hearth needs (found: " + files
                    + "); check llama.natives.package.version in pom.xml");
        }
    }

    // ---------------------------------------------------------------- tar.gz

    /** Unpacks the C-API libraries of an npm tarball (gzip'd ustar/pax/GNU tar) flat into {@code into}. */
    static List<String> unpackLibraries(Path tarball, Path into) throws IOException, Failure {
        List<String> written = new ArrayList<>();
        TreeSet<String> seen = new TreeSet<>();
        try (InputStream in = new GZIPInputStream(Files.newInputStream(tarball), 1 << 16)) {
            byte[] header = new byte[512];
            String longName = null;
            String paxPath = null;
            while (true) {
                if (!readBlock(in, header)) {
                    break; // end of stream without the two zero blocks: tolerated
                }
                if (isZero(header)) {
                    break;
                }
                String name = cString(header, 0, 100);
                long size = parseSize(header, 124, 12);
                char type = (char) header[156];
                if (size < 0) {
                    throw new Failure("the natives tarball " + tarball.getFileName() + " is damaged (bad entry size)");
                }
                if (type == 'x' || type == 'L') {
                    byte[] data = readData(in, size);
                    if (type == 'L') {
                        longName = cString(data, 0, data.length);
                    } else {
                        String p = paxValue(data, "path");
                        if (p != null) {
                            paxPath = p;
                        }
                    }
                    continue;
                }
                if (type == 'g') { // global pax header: nothing we need
                    readData(in, size);
                    continue;
                }
                String magic = cString(header, 257, 6);
                if (magic.startsWith("ustar")) {
                    String prefix = cString(header, 345, 155);
                    if (!prefix.isEmpty()) {
                        name = prefix + "/" + name;
                    }
                }
                if (longName != null) {
                    name = longName;
                }
                if (paxPath != null) {
                    name = paxPath;
                }
                longName = null;
                paxPath = null;

                boolean regular = type == '0' || type == '\0' || type == '7';
                String fileName = name.substring(name.replace('\\', '/').lastIndexOf('/') + 1);
                if (regular && !fileName.isEmpty() && !fileName.equals("..") && isCApiLibrary(fileName)) {
                    if (!seen.add(fileName)) {
                        throw new Failure("the natives tarball holds " + fileName + " twice; check the package version");
                    }
                    Path target = into.resolve(fileName);
                    try (OutputStream out = Files.newOutputStream(target)) {
                        copyExactly(in, out, size);
                    }
                    skipPadding(in, size);
                    setPermissions(target, parseOctal(header, 100, 8));
                    written.add(fileName);
                } else {
                    skipFully(in, padded(size));
                }
            }
        } catch (EOFException e) {
            throw new Failure("the natives tarball " + tarball.getFileName() + " is truncated; delete the npm cache entry"
                    + " (npm cache clean --force) and run again");
        }
        written.sort(Comparator.naturalOrder());
        return written;
    }

    static boolean readBlock(InputStream in, byte[] block) throws IOException {
        int off = 0;
        while (off < block.length) {
            int r = in.read(block, off, block.length - off);
            if (r < 0) {
                if (off == 0) {
                    return false;
                }
                throw new EOFException();
            }
            off += r;
        }
        return true;
    }

    static boolean isZero(byte[] block) {
        for (byte b : block) {
            if (b != 0) {
                return false;
            }
        }
        return true;
    }

    static long padded(long size) {
        return (size + 511) & ~511L;
    }

    static byte[] readData(InputStream in, long size) throws IOException, Failure {
        if (size > 1 << 20) {
            throw new Failure("the natives tarball has an oversized header record; check the package version");
        }
        byte[] data = in.readNBytes((int) size);
        if (data.length != size) {
            throw new EOFException();
        }
        skipPadding(in, size);
        return data;
    }

    static void copyExactly(InputStream in, OutputStream out, long size) throws IOException {
        byte[] buf = new byte[1 << 16];
        long left = size;
        while (left > 0) {
            int r = in.read(buf, 0, (int) Math.min(buf.length, left));
            if (r < 0) {
                throw new EOFException();
            }
            out.write(buf, 0, r);
            left -= r;
        }
    }

    static void skipPadding(InputStream in, long size) throws IOException {
        skipFully(in, padded(size) - size);
    }

    static void skipFully(InputStream in, long n) throws IOException {
        in.skipNBytes(n);
    }

    static String cString(byte[] b, int off, int len) {
        int end = off;
        while (end < off + len && end < b.length && b[end] != 0) {
            end++;
        }
        return new String(b, off, end - off, StandardCharsets.UTF_8);
    }

    static long parseOctal(byte[] b, int off, int len) {
        long v = 0;
        boolean any = false;
        for (int i = off; i < off + len; i++) {
            byte c = b[i];
            if (c == 0 || c == ' ') {
                if (any) {
                    break;
                }
                continue;
            }
            if (c < '0' || c > '7') {
                return -1;
            }
            v = (v << 3) + (c - '0');
            any = true;
        }
        return v;
    }

    /** Octal, or GNU base-256 when the high bit of the first byte is set. */
    static long parseSize(byte[] b, int off, int len) {
        if ((b[off] & 0x80) != 0) {
            long v = b[off] & 0x7f;
            for (int i = off + 1; i < off + len; i++) {
                v = (v << 8) | (b[i] & 0xff);
            }
            return v;
        }
        return parseOctal(b, off, len);
    }

    /** Records look like "LEN key=value\n". */
    static String paxValue(byte[] data, String key) {
        int pos = 0;
        while (pos < data.length) {
            int space = pos;
            while (space < data.length && data[space] != ' ') {
                space++;
            }
            if (space >= data.length) {
                break;
            }
            int len;
            try {
                len = Integer.parseInt(new String(data, pos, space - pos, StandardCharsets.US_ASCII));
            } catch (NumberFormatException e) {
                break;
            }
            if (len <= 0 || pos + len > data.length) {
                break;
            }
            String record = new String(data, space + 1, pos + len - space - 2, StandardCharsets.UTF_8);
            int eq = record.indexOf('=');
            if (eq > 0 && record.substring(0, eq).equals(key)) {
                return record.substring(eq + 1);
            }
            pos += len;
        }
        return null;
    }

    static void setPermissions(Path file, long mode) {
        try {
            if (file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
                String perms = (mode > 0 && (mode & 0111) != 0) ? "rwxr-xr-x" : "rw-r--r--";
                Files.setPosixFilePermissions(file, PosixFilePermissions.fromString(perms));
            }
        } catch (IOException | UnsupportedOperationException e) {
            // permissions are a nicety; the loader only needs read access
        }
    }

    // ---------------------------------------------------------------- publishing

    /**
     * Moves {@code staged} to {@code dest} in one rename. If another build finished first, its install
     * wins and ours is dropped; an old folder without a valid marker is moved aside and deleted.
     */
    static void publish(Path staged, Path dest, String sha256, Path work) throws IOException, Failure {
        for (int attempt = 0; attempt < 3; attempt++) {
            if (isComplete(dest, sha256)) {
                return; // a concurrent build published the same libraries
            }
            if (Files.exists(dest)) {
                Path aside = work.resolve("replaced");
                try {
                    moveAtomically(dest, aside);
                } catch (IOException e) {
                    if (Files.exists(dest)) {
                        throw new Failure("cannot replace the incomplete natives folder " + dest + " (" + e
                                + "); close programs using it or delete it, then run again");
                    }
                }
            }
            try {
                moveAtomically(staged, dest);
                return;
            } catch (FileAlreadyExistsException | DirectoryNotEmptyException e) {
                // someone created dest in between: look again
            }
        }
        throw new Failure("could not install the llama.cpp libraries into " + dest + "; delete that folder and run again");
    }

    static void moveAtomically(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to);
        }
    }

    static void deleteRecursively(Path root) {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(root)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException e) {
                    // best effort: a left-over temp folder is harmless and named .<dest>.fetch-*
                }
            });
        } catch (IOException e) {
            // best effort
        }
    }
}
