package org.hearth.ingest.index;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.stream.Collectors;
import org.hearth.domain.Locator;
import org.hearth.fixtures.documents.TestDocx;
import org.hearth.ingest.document.BlockKind;
import org.hearth.ingest.document.DocumentReaders;
import org.hearth.ingest.document.DocumentText;
import org.hearth.ingest.document.DocumentType;
import org.hearth.ingest.document.ReadOptions;
import org.hearth.ingest.document.ReadProgress;
import org.hearth.ingest.document.TextBlock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ChunkerTest {

    @TempDir
    Path dir;

    @Test
    void pdf_chunks_stay_on_one_page_and_a_long_page_has_several() {
        DocumentText pdf = document(DocumentType.PDF,
                new TextBlock("Seite eins. " + words(10), Locator.page(1), BlockKind.BODY),
                new TextBlock(sentences(2600), Locator.page(2), BlockKind.BODY),
                new TextBlock("Seite drei. " + words(10), Locator.page(3), BlockKind.BODY));

        List<Chunk> chunks = Chunker.chunks(pdf);

        assertThat(chunks).extracting(chunk -> chunk.page().orElseThrow()).containsExactly(1, 2, 2, 2, 3);
        assertThat(chunks).allSatisfy(chunk -> {
            assertThat(chunk.text().length()).isLessThanOrEqualTo(Chunker.TARGET);
            assertThat(chunk.paragraphs()).isEmpty();
        });
        assertThat(chunks).extracting(Chunk::index).containsExactly(0, 1, 2, 3, 4);
    }

    @Test
    void chunk_text_is_exactly_its_span_of_the_document_text() {
        DocumentText pdf = document(DocumentType.PDF,
                new TextBlock(sentences(2600), Locator.page(1), BlockKind.BODY),
                new TextBlock("Kurze zweite Seite.", Locator.page(2), BlockKind.BODY));
        String text = pdf.blocks().stream().map(TextBlock::text).collect(Collectors.joining("\n\n"));

        List<Chunk> chunks = Chunker.chunks(pdf);

        assertThat(chunks).hasSizeGreaterThan(2).allSatisfy(chunk -> assertThat(text.substring(chunk.start(), chunk.end())).isEqualTo(chunk.text()));
        assertThat(chunks.getLast().text()).isEqualTo("Kurze zweite Seite.");
        assertThat(chunks.getLast().start()).isEqualTo(text.indexOf("Kurze zweite Seite."));
    }

    @Test
    void a_long_block_is_cut_after_a_sentence_and_nothing_is_lost() {
        String paragraph = sentences(2600);
        DocumentText docx = document(DocumentType.DOCX, new TextBlock(paragraph, Locator.paragraph(4), BlockKind.BODY));

        List<Chunk> chunks = Chunker.chunks(docx);

        assertThat(chunks).hasSizeGreaterThanOrEqualTo(3);
        assertThat(chunks.subList(0, chunks.size() - 1)).allSatisfy(chunk -> assertThat(chunk.text()).endsWith("."));
        assertThat(String.join(" ", chunks.stream().map(Chunk::text).toList())).isEqualTo(paragraph);
        assertThat(chunks).allSatisfy(chunk -> assertThat(chunk.paragraphs()).contains(new ParagraphRange(4, 4)));
    }

    @Test
    void short_paragraphs_are_put_together_up_to_the_target_with_their_range() {
        List<TextBlock> blocks = new ArrayList<>();
        for (int i = 1; i <= 10; i++) {
            blocks.add(new TextBlock(words(300), Locator.paragraph(i), BlockKind.BODY));
        }
        // three paragraphs and two separators are 904 characters; a fourth would pass 1000
        List<Chunk> chunks = Chunker.chunks(document(DocumentType.DOCX, blocks.toArray(TextBlock[]::new)));

        assertThat(chunks).extracting(chunk -> chunk.paragraphs().orElseThrow()).containsExactly(
                new ParagraphRange(1, 3), new ParagraphRange(4, 6), new ParagraphRange(7, 9), new ParagraphRange(10, 10));
        assertThat(chunks.getFirst().text()).isEqualTo(blocks.get(0).text() + "\n\n" + blocks.get(1).text() + "\n\n" + blocks.get(2).text());
    }

    @Test
    void a_heading_starts_a_new_chunk_once_the_current_one_is_half_full() {
        DocumentText docx = document(DocumentType.DOCX,
                new TextBlock(words(600), Locator.paragraph(1), BlockKind.BODY),
                new TextBlock("§ 2 Kündigung", Locator.paragraph(2), BlockKind.HEADING),
                new TextBlock(words(200), Locator.paragraph(3), BlockKind.BODY));

        List<Chunk> chunks = Chunker.chunks(docx);

        assertThat(chunks).extracting(chunk -> chunk.paragraphs().orElseThrow())
                .containsExactly(new ParagraphRange(1, 1), new ParagraphRange(2, 3));
        assertThat(chunks.get(1).text()).startsWith("§ 2 Kündigung\n\n");
    }

    @Test
    void word_headers_and_footers_are_chunks_of_their_own() throws Exception {
        DocumentText pleading = DocumentReaders.read(TestDocx.pleading(dir), ReadOptions.none(), ReadProgress.none());

        List<Chunk> chunks = Chunker.chunks(pleading);

        assertThat(chunks).extracting(Chunk::text).contains(TestDocx.HEADER, TestDocx.FOOTER);
        Chunk body = chunks.stream().filter(chunk -> chunk.text().contains(TestDocx.FIRST_PARAGRAPH)).findFirst().orElseThrow();
        assertThat(body.text()).doesNotContain(TestDocx.HEADER);
        assertThat(body.paragraphs().orElseThrow().first()).isEqualTo(1);
        assertThat(body.page()).isEqualTo(OptionalInt.empty());
    }

    private static DocumentText document(DocumentType type, TextBlock... blocks) {
        int pages = type == DocumentType.PDF ? blocks.length : 0;
        return new DocumentText(Path.of("dokument." + type.extension()), type, pages, Map.of(), List.of(blocks));
    }

    /** Words of five letters and a space, cut to exactly {@code length} characters. */
    private static String words(int length) {
        return "Miete ".repeat(length / 6 + 1).substring(0, length - 1) + "x";
    }

    /** Sentences of 52 characters, separated by spaces, to about {@code length} characters. */
    private static String sentences(int length) {
        List<String> sentences = new ArrayList<>();
        for (int i = 0; sentences.size() * 53 < length; i++) {
            sentences.add(String.format("Der Mieter zahlt die Miete für Monat %04d pünktlich.", i));
        }
        return String.join(" ", sentences);
    }
}
