package org.hearth.assistant.task.summary;

import java.util.List;

/**
 * One item of a step's answer, with the page or paragraph numbers it cites. The numbers were
 * chosen by the model under a grammar that offered only the numbers of its input, so they are
 * real references by construction.
 */
sealed interface Finding permits Finding.Point, Finding.Deadline, Finding.Party {

    List<Integer> refs();

    /** A statement about the document. */
    record Point(String text, List<Integer> refs) implements Finding {
    }

    /** @param date an ISO date, or null when the text names none */
    record Deadline(String date, String what, String quote, List<Integer> refs) implements Finding {
    }

    record Party(String name, String role, List<Integer> refs) implements Finding {
    }
}
