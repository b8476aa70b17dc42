package org.hearth.app.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.hearth.app.HearthPaths;
import org.hearth.app.models.ModelHubAccess;
import org.hearth.app.privacy.NetworkGate;
import org.hearth.app.models.InstalledModels;
import org.hearth.assistant.gguf.GgufException;
import org.hearth.assistant.gguf.GgufInfo;
import org.hearth.assistant.gguf.GgufReader;
import org.hearth.assistant.gguf.GgufValidator;
import org.hearth.assistant.model.CatalogModel;
import org.hearth.assistant.model.DiskSpaceProbe;
import org.hearth.assistant.model.DownloadCancellation;
import org.hearth.assistant.model.FitCheck;
import org.hearth.assistant.model.HuggingFaceHub;
import org.hearth.assistant.model.ImportedModel;
import org.hearth.assistant.model.MachineFacts;
import org.hearth.assistant.model.ModelCatalog;
import org.hearth.assistant.model.ModelDownloader;
import org.hearth.assistant.model.ModelImporter;
import org.hearth.assistant.model.Recommendation;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(name = "models", mixinStandardHelpOptions = true,
        description = "The models Hearth can use: list, recommend, pull, import, verify.")
final class ModelsCommand {

    private static final ObjectMapper JSON = new ObjectMapper();

    @ParentCommand
    HearthCommand parent;

    @Spec
    CommandSpec spec;

    @Option(names = "--json", scope = picocli.CommandLine.ScopeType.INHERIT, description = "Print one JSON document.")
    boolean json;

    private HearthPaths paths() {
        return HearthCli.paths(parent.home);
    }

    private PrintWriter out() {
        return spec.commandLine().getOut();
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "The catalog and what is installed.")
    int list() throws IOException {
        Path models = paths().models();
        List<Path> installed = installedFiles(models);
        ArrayNode rows = JSON.createArrayNode();
        for (CatalogModel model : ModelCatalog.all()) {
            Path file = models.resolve(model.fileName());
            ObjectNode row = rows.addObject();
            row.put("name", model.id());
            row.put("display_name", model.displayName());
            row.put("role", model.role().name().toLowerCase(Locale.ROOT));
            row.put("size_bytes", model.approximateSizeBytes());
            row.put("installed", Files.isRegularFile(file));
            if (Files.isRegularFile(file)) {
                row.put("file", file.toString());
            }
            installed.remove(file);
        }
        for (Path other : installed) {
            ObjectNode row = rows.addObject();
            row.put("name", other.getFileName().toString());
            row.put("installed", true);
            row.put("file", other.toString());
        }
        if (json) {
            out().println(JSON.writeValueAsString(JSON.createObjectNode().set("models", rows)));
        } else {
            for (var row : rows) {
                out().printf(Locale.ROOT, "%-26s %-10s %9s  %s%n", row.get("name").asText(),
                        row.get("installed").asBoolean() ? "installed" : "",
                        row.has("size_bytes") ? String.format(Locale.ROOT, "%.2f GB", row.get("size_bytes").asLong() / 1e9) : "",
                        row.has("display_name") ? row.get("display_name").asText() : row.get("file").asText());
            }
        }
        return 0;
    }

    @Command(name = "recommend", mixinStandardHelpOptions = true, description = "The largest model that fits this machine, and why.")
    int recommend() throws IOException {
        Recommendation recommendation = FitCheck.recommend(MachineFacts.detect());
        if (json) {
            ObjectNode node = JSON.createObjectNode();
            node.put("name", recommendation.model().id());
            node.put("verdict", recommendation.verdict().name().toLowerCase(Locale.ROOT));
            node.put("memory_needed_bytes", recommendation.need().totalBytes());
            node.put("left_for_other_programs_bytes", recommendation.leftForOtherProgramsBytes());
            node.put("reason", recommendation.explain(Locale.getDefault()));
            out().println(JSON.writeValueAsString(node));
        } else {
            out().println(recommendation.explain(Locale.getDefault()));
            out().println("./hearth models pull " + recommendation.model().id());
        }
        return 0;
    }

    @Command(name = "pull", mixinStandardHelpOptions = true, description = "Download a catalog model (resumable; Ctrl-C pauses, running it again resumes).")
    int pull(@Parameters(paramLabel = "NAME", description = "A catalog name (see `hearth models list`).") String name) throws Exception {
        CatalogModel model = ModelCatalog.find(name).orElseThrow(() -> new IllegalArgumentException(
                "No catalog model named '" + name + "'. './hearth models list' shows the names."));
        Files.createDirectories(paths().models());
        HuggingFaceHub hub = HuggingFaceHub.withDefaultClient(HuggingFaceHub.DEFAULT_BASE_URI);
        ModelDownloader downloader = new ModelDownloader(hub, paths().models(), DiskSpaceProbe.fileStore());
        DownloadCancellation cancellation = new DownloadCancellation();
        ProgressLine progress = new ProgressLine(spec.commandLine().getErr());
        try (Cancellation interrupted = new Cancellation(); NetworkGate.Permit permit = ModelHubAccess.permit(hub, model.id())) {
            interrupted.onRequest(cancellation::cancel);
            Path file = downloader.download(model, p -> progress.show(String.format(Locale.ROOT,
                    "Downloading %s %3.0f%%  %.1f MB/s%s", model.fileName(), p.fraction() * 100, p.bytesPerSecond() / 1e6,
                    p.remaining().map(r -> "  " + r.toMinutes() + " min left").orElse(""))), cancellation);
            progress.done();
            out().println(json ? JSON.writeValueAsString(JSON.createObjectNode().put("name", model.id()).put("file", file.toString()))
                    : "Installed " + model.displayName() + ": " + file);
            return 0;
        } finally {
            progress.done();
        }
    }

    @Command(name = "import", mixinStandardHelpOptions = true, description = "Use a GGUF file you already have (checked before it is used).")
    int importFile(@Parameters(paramLabel = "FILE", description = "The GGUF file.") Path file,
                   @Option(names = "--mode", defaultValue = "COPY", description = "COPY, MOVE or IN_PLACE (default: ${DEFAULT-VALUE}).")
                   ModelImporter.Mode mode) throws Exception {
        Files.createDirectories(paths().models());
        ImportedModel imported = new ModelImporter(paths().models(), DiskSpaceProbe.fileStore()).importFile(file, mode);
        if (json) {
            out().println(JSON.writeValueAsString(JSON.createObjectNode().put("file", imported.file().toString())
                    .put("role", imported.role().name().toLowerCase(Locale.ROOT))));
        } else {
            out().println("Imported " + imported.file());
        }
        return 0;
    }

    @Command(name = "verify", mixinStandardHelpOptions = true, description = "Check installed model files (all, or one by name or path).")
    int verify(@Parameters(paramLabel = "NAME", arity = "0..1", description = "An installed model's name or file (default: all).") String name) throws IOException {
        List<Path> files = name == null ? installedFiles(paths().models()) : List.of(InstalledModels.resolve(name, paths()));
        ArrayNode rows = JSON.createArrayNode();
        boolean allOk = true;
        for (Path file : files) {
            ObjectNode row = rows.addObject();
            row.put("file", file.toString());
            try {
                GgufInfo info = GgufReader.read(file);
                GgufValidator.requireRunnable(info);
                row.put("status", "ok");
                row.put("architecture", info.architecture());
                row.put("parameters", info.parameterCount());
                row.put("quantization", info.fileTypeName());
                row.put("trained_context", info.contextLength());
            } catch (GgufException e) {
                allOk = false;
                row.put("status", "error");
                row.put("error", e.getMessage());
            }
        }
        if (json) {
            out().println(JSON.writeValueAsString(JSON.createObjectNode().set("models", rows)));
        } else if (rows.isEmpty()) {
            out().println("No models installed in " + paths().models());
        } else {
            for (var row : rows) {
                out().println(row.get("status").asText().equals("ok")
                        ? String.format(Locale.ROOT, "ok     %s  (%s, %,d parameters, %s)", row.get("file").asText(),
                                row.get("architecture").asText(), row.get("parameters").asLong(), row.get("quantization").asText())
                        : "error  " + row.get("error").asText());
            }
        }
        return allOk ? 0 : 1;
    }

    private static List<Path> installedFiles(Path models) throws IOException {
        if (!Files.isDirectory(models)) {
            return new ArrayList<>();
        }
        try (Stream<Path> files = Files.list(models)) {
            return new ArrayList<>(files.filter(f -> f.getFileName().toString().endsWith(".gguf")).sorted().toList());
        }
    }
}
