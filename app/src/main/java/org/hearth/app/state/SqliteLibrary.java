package org.hearth.app.state;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.hearth.domain.JarFolder;

/**
 * Where SQLite's native library comes from. The driver unpacks its own copy into the temp folder at every start,
 * which costs the start about 0.1 s of CPU and fails where the temp folder may not hold executables. The installer
 * puts the library beside the app's jars, in {@code natives/sqlite}, and the driver is pointed there. A development
 * build has no such folder and leaves the driver to unpack its copy.
 */
final class SqliteLibrary {

    /** sqlite-jdbc's own property: the folder it loads its library from before it tries to unpack one. */
    static final String PATH_PROPERTY = "org.sqlite.lib.path";

    private SqliteLibrary() {
    }

    /** Call before the first connection: the driver reads the property when it loads its library. */
    static void preferBundled() {
        choose(System.getProperty(PATH_PROPERTY), JarFolder.of(SqliteLibrary.class), System.mapLibraryName("sqlitejdbc"))
                .ifPresent(folder -> System.setProperty(PATH_PROPERTY, folder.toString()));
    }

    /** @return the bundled folder when it holds {@code libraryFile} and no folder was chosen already */
    static Optional<Path> choose(String chosen, Optional<Path> jarFolder, String libraryFile) {
        if (chosen != null && !chosen.isBlank()) {
            return Optional.empty();
        }
        return jarFolder.map(folder -> folder.resolve("natives").resolve("sqlite"))
                .filter(folder -> Files.isRegularFile(folder.resolve(libraryFile)));
    }
}
