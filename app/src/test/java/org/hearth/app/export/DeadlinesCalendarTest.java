package org.hearth.app.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DeadlinesCalendarTest {

    @TempDir
    Path dir;

    @Test
    void writesOneAllDayEventPerDeadlineWithFoldedEscapedLines() throws Exception {
        Path file = dir.resolve("fristen.ics");
        String quote = "binnen zwei Wochen, spätestens bis zum 1.12.2026; Az. 12 O 345/24 – bitte beachten Sie die Frist zur Replik";
        DeadlinesCalendar.write(List.of(
                new DeadlinesCalendar.Event("1700000000-42-0", LocalDate.of(2026, 12, 1), "Replik (12 O 345/24)", quote),
                new DeadlinesCalendar.Event("1700000000-43-0", LocalDate.of(2026, 12, 31), "Jahresende", "a\nb")),
                file, Instant.parse("2026-11-21T09:00:00Z"));

        byte[] bytes = Files.readAllBytes(file);
        String text = new String(bytes, StandardCharsets.UTF_8);
        assertThat(text).startsWith("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n").endsWith("END:VCALENDAR\r\n");
        assertThat(text.split("BEGIN:VEVENT", -1)).hasSize(3);
        assertThat(text).contains("DTSTART;VALUE=DATE:20261201\r\nDTEND;VALUE=DATE:20261202\r\n");
        assertThat(text).contains("DTSTART;VALUE=DATE:20261231\r\nDTEND;VALUE=DATE:20270101\r\n");
        assertThat(text).contains("DTSTAMP:20261121T090000Z");
        assertThat(text).contains("DESCRIPTION:a\\nb\r\n");
        // No physical line over 75 octets; unfolding gives back the escaped text.
        for (String line : text.split("\r\n")) {
            assertThat(line.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(75);
        }
        String unfolded = text.replace("\r\n ", "");
        assertThat(unfolded).contains("DESCRIPTION:" + quote.replace(",", "\\,").replace(";", "\\;"));
        assertThat(Arrays.stream(dir.toFile().list())).containsExactly("fristen.ics");
    }
}
