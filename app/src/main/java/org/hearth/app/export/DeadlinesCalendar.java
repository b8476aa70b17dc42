package org.hearth.app.export;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * Deadlines as an iCalendar file (RFC 5545) that Outlook, Apple Calendar and Thunderbird import: one all-day
 * event per deadline, with the words of the mail that set it. Written to a temporary file and moved into place,
 * so an existing calendar file is replaced whole or not at all.
 */
public final class DeadlinesCalendar {

    /**
     * @param uid a stable id, so importing the same deadline twice updates the event instead of doubling it
     */
    public record Event(String uid, LocalDate date, String title, String description) {
    }

    private static final DateTimeFormatter DAY = DateTimeFormatter.BASIC_ISO_DATE;
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);
    private static final int MAX_LINE_OCTETS = 75;

    private DeadlinesCalendar() {
    }

    public static void write(List<Event> events, Path target, Instant now) throws IOException {
        StringBuilder ics = new StringBuilder();
        line(ics, "BEGIN:VCALENDAR");
        line(ics, "VERSION:2.0");
        line(ics, "PRODID:-//Hearth//Deadlines//EN");
        line(ics, "CALSCALE:GREGORIAN");
        for (Event event : events) {
            line(ics, "BEGIN:VEVENT");
            line(ics, "UID:" + escape(event.uid()) + "@hearth.local");
            line(ics, "DTSTAMP:" + STAMP.format(now));
            line(ics, "DTSTART;VALUE=DATE:" + DAY.format(event.date()));
            line(ics, "DTEND;VALUE=DATE:" + DAY.format(event.date().plusDays(1)));
            line(ics, "SUMMARY:" + escape(event.title()));
            line(ics, "DESCRIPTION:" + escape(event.description()));
            line(ics, "TRANSP:TRANSPARENT");
            line(ics, "END:VEVENT");
        }
        line(ics, "END:VCALENDAR");
        Path absolute = target.toAbsolutePath();
        Path temporary = Files.createTempFile(absolute.getParent(), ".hearth-", ".ics.part");
        try {
            Files.writeString(temporary, ics, StandardCharsets.UTF_8);
            Files.move(temporary, absolute, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    static String escape(String text) {
        return text.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,")
                .replace("\r\n", "\\n").replace("\n", "\\n").replace("\r", "\\n");
    }

    // Content lines are folded at 75 octets (never inside a UTF-8 sequence) with CRLF + space.
    private static void line(StringBuilder ics, String content) {
        int octets = 0;
        for (int i = 0; i < content.length(); ) {
            int codePoint = content.codePointAt(i);
            int size = new String(Character.toChars(codePoint)).getBytes(StandardCharsets.UTF_8).length;
            if (octets + size > MAX_LINE_OCTETS) {
                ics.append("\r\n ");
                octets = 1;
            }
            ics.appendCodePoint(codePoint);
            octets += size;
            i += Character.charCount(codePoint);
        }
        ics.append("\r\n");
    }
}
