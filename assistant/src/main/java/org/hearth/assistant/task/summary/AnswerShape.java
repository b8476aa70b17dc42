package org.hearth.assistant.task.summary;

/** The JSON items a style's answer consists of. */
enum AnswerShape {
    POINTS, DEADLINES, PARTIES;

    static AnswerShape of(SummaryStyle style) {
        return switch (style) {
            case BRIEF, DETAILED, KEY_POINTS -> POINTS;
            case DEADLINES -> DEADLINES;
            case PARTIES -> PARTIES;
        };
    }
}
