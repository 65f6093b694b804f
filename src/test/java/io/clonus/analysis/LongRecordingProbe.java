package io.clonus.analysis;

import io.clonus.detect.DetectorConfig;
import io.clonus.detect.SignalType;
import java.nio.file.Path;

/**
 * Run in a child JVM with a small heap by {@link EdfAnalysisTest}: analyses an EDF file of one EMG signal
 * through {@link RecordingAnalyzer} and prints the result, so the test can compare it with the in-memory analysis.
 */
public final class LongRecordingProbe {
    private LongRecordingProbe() {
    }

    /** @param args the EDF file @throws Exception on failure (the test reports the exit status) */
    public static void main(String[] args) throws Exception {
        RecordingAnalyzer.FileResult out = RecordingAnalyzer.of(DetectorConfig.defaults(),
                new RecordingReader(SignalType.EMG, null, null), 1).analyze(Path.of(args[0]));
        if (!out.ok()) {
            System.out.println("error " + out.error() + " " + out.signals());
            System.exit(3);
        }
        System.out.println(EdfAnalysisTest.summary(out.signals().get(0).result()));
        System.out.println("maxMemory " + Runtime.getRuntime().maxMemory());
    }
}
