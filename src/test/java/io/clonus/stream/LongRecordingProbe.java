package io.clonus.stream;

import io.clonus.detect.DetectorConfig;
import io.clonus.detect.SignalType;
import java.nio.file.Path;
import java.util.List;

/**
 * Run in a child JVM with a small heap by {@link EdfAnalysisTest}: analyses signal 0 of an EDF file as EMG
 * and prints the result, so the test can compare it with the in-memory analysis.
 */
public final class LongRecordingProbe {
    private LongRecordingProbe() {
    }

    /** @param args the EDF file @throws Exception on failure (the test reports the exit status) */
    public static void main(String[] args) throws Exception {
        List<EdfAnalysis.Outcome> out = EdfAnalysis.analyze(Path.of(args[0]),
                List.of(new EdfAnalysis.Target("EMG", SignalType.EMG, List.of(0))), DetectorConfig.defaults(), 1);
        if (out.get(0).error() != null) {
            System.out.println("error " + out.get(0).error());
            System.exit(3);
        }
        System.out.println(EdfAnalysisTest.summary(out.get(0).result()));
        System.out.println("maxMemory " + Runtime.getRuntime().maxMemory());
    }
}
