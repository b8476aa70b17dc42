package org.hearth.app.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CancellationException;
import org.hearth.app.documents.ExtractText;
import org.hearth.ingest.document.DocumentException;
import org.hearth.ingest.document.IsolatedDocumentReader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(name = "text", mixinStandardHelpOptions = true,
        description = {"Print the text of files page by page; scanned pages and images are read by OCR (German and English).",
                "A file that cannot be read is reported and the others go on."})
final class TextCommand extends HearthSubcommand {

    @Parameters(paramLabel = "FILE", arity = "1..*", description = "PDF, DOCX, TXT, MD, EML, PNG, JPEG or TIFF files.")
    List<Path> files;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = out();
        PrintWriter err = err();
        FileResults results = new FileResults();
        ProgressLine progress = new ProgressLine(err);
        // the data folder holds the reader's log (document-worker.log), as for every command that reads files
        paths();
        try (Cancellation cancelled = new Cancellation();
             IsolatedDocumentReader reader = new IsolatedDocumentReader(IsolatedDocumentReader.Limits.defaults())) {
            ExtractText extract = new ExtractText(reader);
            for (Path file : files) {
                ObjectNode entry = results.add(file);
                try {
                    List<ExtractText.Page> pages = extract.run(file,
                            (done, total) -> progress.show(file.getFileName() + ": page " + done + " of " + total), cancelled);
                    progress.done();
                    results.ok(entry);
                    describe(entry.putArray("pages"), pages);
                    if (!json) {
                        print(out, file, pages);
                    }
                } catch (CancellationException e) {
                    throw e;
                } catch (DocumentException | RuntimeException e) {
                    progress.done();
                    results.failed(entry, CliErrors.describe(e));
                    entry.putArray("pages");
                    if (!json) {
                        err.println("hearth: " + file + ": " + CliErrors.describe(e));
                    }
                }
            }
        }
        if (json) {
            out.println(results.json());
        }
        return results.exitCode();
    }

    private static void describe(ArrayNode array, List<ExtractText.Page> pages) {
        for (ExtractText.Page page : pages) {
            ObjectNode node = array.addObject();
            if (page.page().isPresent()) {
                node.put("page", page.page().getAsInt());
            } else {
                node.putNull("page");
            }
            node.put("text", page.text());
            node.put("ocr", page.ocr());
        }
    }

    private static void print(PrintWriter out, Path file, List<ExtractText.Page> pages) {
        out.println("== " + file.getFileName() + " ==");
        for (ExtractText.Page page : pages) {
            if (page.page().isPresent()) {
                out.println("-- page " + page.page().getAsInt() + (page.ocr() ? " (OCR)" : "") + " --");
            }
            out.println(page.text());
        }
        out.println();
    }
}
