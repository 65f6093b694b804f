package io.clonus.testing;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.clonus.detect.Signal;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * When the real-recording tests may be skipped: only when the signals folder does not exist. A
 * signals folder that exists but cannot be used is an error, and (when the recordings are there)
 * every recording in INDEX.csv must load with the samples the index gives.
 */
class SharedSignalsTest {
    @Test
    void absentSignalsFolderIsTheOnlySkip(@TempDir Path shared) {
        assertEquals(Optional.empty(), SharedSignals.check(shared));
        assertEquals(Optional.empty(), SharedSignals.check(shared.resolve("no-such-folder")));
        String reason = SharedSignals.absentReason(shared);
        assertTrue(reason.contains(shared.resolve("signals").toString()), reason);
        assertTrue(reason.contains("-Dclonus.shared"), reason);
    }

    @Test
    void signalsFolderWithItsIndexIsPresent(@TempDir Path shared) throws IOException {
        Files.createDirectories(shared.resolve("signals"));
        Files.writeString(shared.resolve("signals/INDEX.csv"), "name,samples\n");
        assertEquals(Optional.of(shared), SharedSignals.check(shared));
    }

    @Test
    void signalsThatExistButCannotBeUsedAreAnError(@TempDir Path dir) throws IOException {
        Path file = Files.createDirectories(dir.resolve("file"));
        Files.writeString(file.resolve("signals"), "not a folder");
        assertThrows(IllegalStateException.class, () -> SharedSignals.check(file));

        Path noIndex = Files.createDirectories(dir.resolve("no-index/signals")).getParent();
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> SharedSignals.check(noIndex));
        assertTrue(e.getMessage().contains("INDEX.csv"), e.getMessage());

        Path broken = Files.createDirectories(dir.resolve("broken"));
        Files.createSymbolicLink(broken.resolve("signals"), dir.resolve("nowhere"));
        assertThrows(IllegalStateException.class, () -> SharedSignals.check(broken));
    }

    /**
     * One test, not one per recording: JUnit drops a parameterised test whose argument source is
     * skipped without surefire counting it, which would hide the skip this class is about.
     */
    @Test
    void everyIndexedRecordingLoadsWithTheSamplesTheIndexGives() {
        SharedSignals.assumePresent();
        Map<String, Integer> index = SharedSignals.index();
        assertFalse(index.isEmpty(), "INDEX.csv lists no recording");
        assertAll(index.entrySet().stream().map(e -> () -> {
            List<Signal> sensors = SharedSignals.load(e.getKey());
            assertFalse(sensors.isEmpty(), e.getKey());
            for (Signal s : sensors) {
                assertEquals(e.getValue(), s.length(), () -> e.getKey() + " " + s.label() + ": samples");
            }
        }));
    }
}
