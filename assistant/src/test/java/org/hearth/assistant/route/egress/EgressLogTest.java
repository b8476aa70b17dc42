package org.hearth.assistant.route.egress;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EgressLogTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-03T08:00:00Z"), ZoneOffset.UTC);
    private static final EgressRequest REQUEST = new EgressRequest("summary", "Kanzlei-Server", "10.0.0.5:8080",
            "opted in: summary → Kanzlei-Server", Map.of("PERSON", 3, "IBAN", 1), "preview", false);

    @TempDir
    Path audit;

    private EgressLog logWithThree() throws EgressLogException {
        EgressLog log = new EgressLog(audit, CLOCK);
        for (int i = 1; i <= 3; i++) {
            log.record(REQUEST, ("{\"messages\":[\"«PERSON_1» request " + i + "\"]}").getBytes(StandardCharsets.UTF_8));
        }
        return log;
    }

    @Test
    void eachEntryHoldsTheHashAndSizeOfTheExactBodyButNotItsText() throws Exception {
        byte[] body = "{\"model\":\"qwen\",\"messages\":[\"Sehr geehrter «PERSON_1»\"]}".getBytes(StandardCharsets.UTF_8);
        EgressLog log = new EgressLog(audit, CLOCK);

        log.record(REQUEST, body);

        EgressEntry entry = log.entries().getFirst();
        assertThat(entry.sequence()).isEqualTo(1);
        assertThat(entry.bodySha256()).isEqualTo(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body)));
        assertThat(entry.bytes()).isEqualTo(body.length);
        assertThat(entry.placeholders()).containsEntry("PERSON", 3).containsEntry("IBAN", 1);
        assertThat(entry.text()).isEmpty();
        assertThat(Files.readString(log.file())).doesNotContain("Sehr geehrter");
    }

    @Test
    void theTextIsKeptOnlyWhenTheUserTurnedThatOn() throws EgressLogException {
        EgressLog log = new EgressLog(audit, CLOCK);
        EgressRequest keeping = new EgressRequest(REQUEST.jobClass(), REQUEST.target(), REQUEST.host(), REQUEST.reason(),
                REQUEST.placeholders(), REQUEST.confirmation(), true);

        log.record(keeping, "Sehr geehrter «PERSON_1»".getBytes(StandardCharsets.UTF_8));
        log.record(REQUEST, "Sehr geehrte «PERSON_2»".getBytes(StandardCharsets.UTF_8));

        assertThat(log.entries()).extracting(EgressEntry::text).containsExactly(Optional.of("Sehr geehrter «PERSON_1»"), Optional.empty());
        assertThat(log.verify().intact()).isTrue();
    }

    @Test
    void anUntouchedLogVerifies() throws EgressLogException {
        EgressLog log = logWithThree();

        assertThat(log.verify().intact()).isTrue();
        assertThat(log.verify().entries()).isEqualTo(3);
        assertThat(log.entries()).extracting(EgressEntry::sequence).containsExactly(1L, 2L, 3L);
    }

    @Test
    void oneChangedByteIsFoundAtItsLine() throws Exception {
        EgressLog log = logWithThree();
        List<String> lines = Files.readAllLines(log.file());
        lines.set(1, lines.get(1).replace("\"bytes\":", "\"bytes\":1"));
        Files.write(log.file(), lines);

        Verification verification = log.verify();

        assertThat(verification.intact()).isFalse();
        assertThat(verification.broken().orElseThrow().line()).isEqualTo(2);
        assertThat(verification.broken().orElseThrow().reason()).contains("changed");
    }

    @Test
    void aRemovedEntryIsFound() throws Exception {
        EgressLog log = logWithThree();
        List<String> lines = new ArrayList<>(Files.readAllLines(log.file()));
        lines.remove(1);
        Files.write(log.file(), lines);

        assertThat(log.verify().broken().orElseThrow().line()).isEqualTo(2);
    }

    @Test
    void reorderedEntriesAreFound() throws Exception {
        EgressLog log = logWithThree();
        List<String> lines = new ArrayList<>(Files.readAllLines(log.file()));
        lines.add(1, lines.remove(2));
        Files.write(log.file(), lines);

        assertThat(log.verify().broken().orElseThrow().line()).isEqualTo(2);
    }

    @Test
    void entriesCutFromTheEndAreFound() throws Exception {
        EgressLog log = logWithThree();
        List<String> lines = Files.readAllLines(log.file());
        Files.write(log.file(), lines.subList(0, 2));

        assertThat(log.verify().broken().orElseThrow().reason()).contains("removed from the end");
    }

    @Test
    void aLogWhoseLastEntryWasCutOffTakesNoFurtherRequests() throws Exception {
        EgressLog log = logWithThree();
        String text = Files.readString(log.file());
        Files.writeString(log.file(), text.substring(0, text.length() - 20));

        assertThatThrownBy(() -> log.record(REQUEST, "x".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(EgressLogException.class).hasMessageContaining("nothing was sent");
    }

    @Test
    void twoLogsOnTheSameFolderContinueOneChain() throws EgressLogException {
        new EgressLog(audit, CLOCK).record(REQUEST, "a".getBytes(StandardCharsets.UTF_8));
        new EgressLog(audit, CLOCK).record(REQUEST, "b".getBytes(StandardCharsets.UTF_8));

        EgressLog log = new EgressLog(audit, CLOCK);
        assertThat(log.verify().intact()).isTrue();
        assertThat(log.entries()).extracting(EgressEntry::sequence).containsExactly(1L, 2L);
    }
}
