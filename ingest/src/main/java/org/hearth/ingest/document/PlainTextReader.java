package org.hearth.ingest.document;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.hearth.domain.Locator;

/** .txt and .md: paragraphs at blank lines; in Markdown also headings and list items. */
final class PlainTextReader {

    private static final Pattern MARKDOWN_HEADING = Pattern.compile("^#{1,6}\\s+(.*?)\\s*#*$");
    private static final Pattern MARKDOWN_LIST_ITEM = Pattern.compile("^(?:[-*+]|\\d{1,9}[.)])\\s+.*");
    /** Files that are not valid UTF-8 are almost always Windows-1252 on the machines of our users. */
    private static final Charset LEGACY = Charset.forName("windows-1252");

    private PlainTextReader() {
    }

    static void read(Path file, DocumentType type, DocumentSink sink) throws IOException {
        List<String> paragraphs = Paragraphs.split(decode(Files.readAllBytes(file)));
        for (int i = 0; i < paragraphs.size(); i++) {
            Locator locator = Locator.paragraph(i + 1);
            String paragraph = paragraphs.get(i);
            if (type == DocumentType.MARKDOWN) {
                markdown(paragraph, locator, sink);
            } else {
                sink.block(new TextBlock(paragraph, locator, BlockKind.BODY));
            }
        }
    }

    private static void markdown(String paragraph, Locator locator, DocumentSink sink) {
        Matcher heading = MARKDOWN_HEADING.matcher(paragraph);
        if (!paragraph.contains("\n") && heading.matches()) {
            sink.block(new TextBlock(heading.group(1), locator, BlockKind.HEADING));
            return;
        }
        List<String> lines = paragraph.lines().map(String::strip).toList();
        if (lines.stream().allMatch(line -> MARKDOWN_LIST_ITEM.matcher(line).matches())) {
            for (String line : lines) {
                String item = line.matches("^[-*+]\\s.*") ? "•" + line.substring(1) : line;
                sink.block(new TextBlock(item, locator, BlockKind.LIST_ITEM));
            }
            return;
        }
        sink.block(new TextBlock(paragraph, locator, BlockKind.BODY));
    }

    static String decode(byte[] bytes) {
        int start = bytes.length >= 3 && (bytes[0] & 0xff) == 0xef && (bytes[1] & 0xff) == 0xbb && (bytes[2] & 0xff) == 0xbf ? 3 : 0;
        ByteBuffer buffer = ByteBuffer.wrap(bytes, start, bytes.length - start);
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(buffer).toString();
        } catch (CharacterCodingException notUtf8) {
            return new String(bytes, start, bytes.length - start, LEGACY);
        }
    }
}
