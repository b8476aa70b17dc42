package org.hearth.app.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import org.hearth.app.bench.OcrBenchmark;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;

@Command(name = "ocr", mixinStandardHelpOptions = true,
        description = {"Character error rate and pages per minute of OCR over the scans in FOLDER, read the way the app reads them.",
                "Each scan (PNG, JPEG, TIFF, PDF) needs its source text beside it (brief.png and brief.txt); "
                        + "each subfolder is reported on its own (e.g. clean/ and rough/)."})
final class BenchOcrCommand extends BenchRun<OcrBenchmark.Result> {

    @Parameters(index = "0", paramLabel = "FOLDER", description = "A folder of scans with their .txt source texts.")
    Path folder;

    @Override
    OcrBenchmark.Result measure(Consumer<String> progress, Cancellation cancelled) throws Exception {
        List<Path> scans = OcrBenchmark.scans(folder);
        if (scans.isEmpty()) {
            throw new ParameterException(spec.commandLine(), "no scans with a .txt source text in " + folder);
        }
        return OcrBenchmark.run(folder, scans, progress, cancelled);
    }

    @Override
    void report(OcrBenchmark.Result result, ObjectNode node) {
        node.put("folder", folder.toString());
        ArrayNode groups = node.putArray("groups");
        for (OcrBenchmark.Group group : result.groups()) {
            groups.addObject()
                    .put("name", group.name())
                    .put("pages", group.pages())
                    .put("reference_characters", group.referenceCharacters())
                    .put("character_error_rate", group.characterErrorRate())
                    .put("pages_per_minute", group.pagesPerMinute());
        }
    }

    @Override
    void print(OcrBenchmark.Result result, String machine, PrintWriter out) {
        out.printf(Locale.ROOT, "machine  %s, one worker process%n", machine);
        for (OcrBenchmark.Group group : result.groups()) {
            out.printf(Locale.ROOT, "%-8s %3d pages  CER %5.2f %%  %5.1f pages/min%n",
                    group.name(), group.pages(), group.characterErrorRate() * 100, group.pagesPerMinute());
        }
    }
}
