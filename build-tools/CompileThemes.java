/*
 * Turns AtlantaFX's Primer Light and Dark stylesheets into JavaFX's binary stylesheet format, next to
 * the ui's classes. Run by the ui module's build (process-classes) as a single-file program, with the
 * module's class path, which holds AtlantaFX and JavaFX:
 *
 *   java -cp CLASSPATH CompileThemes.java OUTPUT_FOLDER
 *
 * Why: JavaFX parses a stylesheet at every start, and Primer's 165 KB took a few hundred
 * milliseconds of the window's first frame; the binary form loads in a tenth of that. The result is
 * made from the AtlantaFX jar of this build, so it cannot fall behind an upgrade.
 * See docs/decisions/0014-window-start-up.md.
 */

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import atlantafx.base.theme.Theme;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import javafx.css.Stylesheet;

public class CompileThemes {

    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            throw new IllegalArgumentException("usage: CompileThemes OUTPUT_FOLDER");
        }
        Path out = Files.createDirectories(Path.of(args[0]));
        for (Theme theme : List.of(new PrimerLight(), new PrimerDark())) {
            String name = Path.of(URI.create("file:" + theme.getUserAgentStylesheet()).getPath()).getFileName().toString();
            Path css = Files.createTempFile("theme", ".css");
            try (InputStream in = theme.getClass().getResourceAsStream(theme.getUserAgentStylesheet())) {
                if (in == null) {
                    throw new IOException("AtlantaFX has no " + theme.getUserAgentStylesheet());
                }
                Files.copy(in, css, StandardCopyOption.REPLACE_EXISTING);
                Path binary = out.resolve(name.replace(".css", ".bss"));
                Stylesheet.convertToBinary(css.toFile(), binary.toFile());
                System.out.println("CompileThemes: " + binary + " (" + Files.size(binary) + " bytes)");
            } finally {
                Files.deleteIfExists(css);
            }
        }
    }
}
