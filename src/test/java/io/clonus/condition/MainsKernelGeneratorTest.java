package io.clonus.condition;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import org.junit.jupiter.api.Test;

/** The fused kernels in MainsCanceller are exactly what their generator writes. */
class MainsKernelGeneratorTest {
    @Test
    void theGeneratedKernelsAreUpToDate() throws IOException {
        String source = Files.readString(MainsKernelGenerator.TARGET, StandardCharsets.UTF_8);
        String region = MainsKernelGenerator.current(source);
        assertNotNull(region, "MainsCanceller marks its generated region");
        assertEquals(MainsKernelGenerator.region(), region, "MainsCanceller's kernels differ from the template:"
                + " run java src/test/java/io/clonus/condition/MainsKernelGenerator.java (or edit the template)");
    }

    @Test
    void everyLineCountTheCancellerFusesIsGenerated() {
        String region = MainsKernelGenerator.region();
        for (int h = 1; h <= MainsKernelGenerator.MAX_LINES; h++) {
            assertTrue(region.contains("private void filterAndCancel" + h + "("), "kernel for " + h + " lines");
        }
        assertTrue(region.contains("hum += a4 * ch4 + b4 * sh4;"), "the fifth line's weights are used");
    }
}
