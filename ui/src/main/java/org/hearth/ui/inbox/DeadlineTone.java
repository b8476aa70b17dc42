package org.hearth.ui.inbox;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.hearth.ui.service.InboxService.Deadline;

/** Colour means state: a deadline today or past is danger, one within a week is warning, later ones are calm. */
enum DeadlineTone {
    DANGER, WARNING, CALM;

    private static final int SOON_DAYS = 7;

    static DeadlineTone of(LocalDate date, LocalDate today) {
        if (!date.isAfter(today)) {
            return DANGER;
        }
        return date.isAfter(today.plusDays(SOON_DAYS)) ? CALM : WARNING;
    }

    /** The deadline a row shows: the next one still ahead, or the last one if all have passed. */
    static Optional<Deadline> next(List<Deadline> deadlines, LocalDate today) {
        Comparator<Deadline> byDate = Comparator.comparing(Deadline::date);
        Optional<Deadline> ahead = deadlines.stream().filter(d -> !d.date().isBefore(today)).min(byDate);
        return ahead.isPresent() ? ahead : deadlines.stream().max(byDate);
    }

    /** The style class for hearth.css. */
    String styleClass() {
        return "deadline-" + name().toLowerCase(java.util.Locale.ROOT);
    }
}
