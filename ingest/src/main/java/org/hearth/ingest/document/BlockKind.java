package org.hearth.ingest.document;

/** What part of a document a block of text is. */
public enum BlockKind {
    BODY, HEADING, LIST_ITEM, TABLE, FOOTNOTE, HEADER, FOOTER,
    /** Earlier mails quoted under a reply ("Am … schrieb …:"). */
    QUOTED
}
