package io.clonus.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.clonus.sim.EmgSimulator;
import io.clonus.sim.SimulatedRecording;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Redraws docs/example-emg.png, the picture in the README, from a simulated record. Runs only when asked:
 * {@code mvn test -Dtest=ExamplePictureTest -Dclonus.regenerateDocs=true}.
 */
class ExamplePictureTest {
    @TempDir
    Path dir;

    @Test
    void redrawExamplePicture() throws IOException {
        assumeTrue(Boolean.getBoolean("clonus.regenerateDocs"), "set -Dclonus.regenerateDocs=true to redraw");
        SimulatedRecording rec = EmgSimulator.builder(2000, 30, 42).noise(5).mains(50, 10).drift(20, 30)
                .clonus(4, 12, 6.0, 80)
                .tonic(10, 4, 40, 0.3)
                .clonus(20, 4, 6.5, 70)
                .build();
        Path csv = Cli.csv(dir.resolve("example-emg.csv"), rec.signal(), "EMG soleus");
        Path out = Path.of("docs/example-emg.png").toAbsolutePath();
        Files.createDirectories(out.getParent());
        Cli.Run r = Cli.run("analyze", "-q", "--plot", out.toString(), csv.toString());
        assertEquals(0, r.status(), r::toString);
    }
}
