package org.hearth.app.mail;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;
import org.hearth.assistant.engine.Engine;
import org.hearth.assistant.engine.Sampling;
import org.hearth.assistant.engine.TextListener;
import org.hearth.assistant.task.reply.ReplyMail;
import org.hearth.assistant.task.reply.ReplyWriter;
import org.hearth.ingest.document.BlockKind;
import org.hearth.ingest.document.DocumentException;
import org.hearth.ingest.document.DocumentText;
import org.hearth.ingest.document.IsolatedDocumentReader;
import org.hearth.ingest.document.ReadOptions;
import org.hearth.ingest.document.TextBlock;

/**
 * A reply to a mail drafted with the model, shared by {@code hearth reply} and the Inbox's "Antwort entwerfen": a
 * stored mail or a saved .eml file, the reply in the mail's language, streamed while it is written. Nothing is sent.
 */
public final class DraftReply {

    /** Gives the engine when the mail is ready to answer; the CLI loads its model, the window lends one. */
    @FunctionalInterface
    public interface EngineSource {
        Engine await(BooleanSupplier cancelled) throws InterruptedException;
    }

    private final int replyTokens;

    public DraftReply() {
        this(ReplyWriter.REPLY_TOKENS);
    }

    /** @param replyTokens the most tokens a reply may have (tests keep it short on the tiny model) */
    public DraftReply(int replyTokens) {
        this.replyTokens = replyTokens;
    }

    /** A stored mail as the reply answers it: its sender, subject and the author's text. */
    public static ReplyMail of(StoredMail mail) {
        return new ReplyMail(mail.from(), mail.subject(), mail.body());
    }

    /**
     * A saved .eml file, read in the bounded reader like any dropped file: its From and Subject headers and its text.
     *
     * @throws DocumentException when the file cannot be read (names it)
     */
    public static ReplyMail ofEml(IsolatedDocumentReader reader, Path eml, BooleanSupplier cancelled) throws IOException, DocumentException {
        DocumentText document = reader.read(eml, ReadOptions.none(), (done, total) -> { }, cancelled);
        List<TextBlock> blocks = document.blocks();
        String headers = blocks.stream().filter(block -> block.kind() == BlockKind.HEADER).map(TextBlock::text)
                .collect(Collectors.joining("\n"));
        // the author's text, as triage reads it: the quoted history is not what the reply answers
        String body = blocks.stream().filter(block -> block.kind() != BlockKind.HEADER && block.kind() != BlockKind.QUOTED).map(TextBlock::text)
                .collect(Collectors.joining("\n\n"));
        return new ReplyMail(header(headers, "From"), header(headers, "Subject"), body);
    }

    /**
     * @throws java.util.concurrent.CancellationException when {@code cancelled} became true
     * @throws org.hearth.assistant.engine.EngineException when the model fails
     */
    public ReplyWriter.Reply draft(ReplyMail mail, EngineSource engines, TextListener listener, BooleanSupplier cancelled)
            throws InterruptedException {
        Engine engine = engines.await(cancelled);
        return new ReplyWriter(engine, Sampling.defaults(), replyTokens).write(mail, listener, cancelled);
    }

    private static String header(String headers, String name) {
        return headers.lines().filter(line -> line.startsWith(name + ": ")).map(line -> line.substring(name.length() + 2))
                .findFirst().orElse("");
    }
}
