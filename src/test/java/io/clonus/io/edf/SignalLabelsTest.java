package io.clonus.io.edf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SignalLabelsTest {
    @ParameterizedTest
    @CsvSource(nullValues = "null", value = {
        "EMG L TA, EMG",
        "emg1, EMG",
        "  EMG-Sol , EMG",
        "L TA EMG, EMG",
        "ACC X, ACC",
        "Accel Z, ACC",
        "acc_y, ACC",
        "Accelerometer, ACC",
        "GYR X, ACC",
        "Gyro Z, ACC",
        "Wrist Gyro, ACC",
        "EEG Fpz-Cz, null",
        "ECG, null",
        "Status, null",
        "EDF Annotations, null",
        "'', null",
    })
    void infersTypeFromPrefixOrWord(String label, String expected) {
        assertEquals(expected, SignalLabels.inferType(label));
        assertEquals(expected, EdfSignalHeader.inferType(label));
    }

    @ParameterizedTest
    @CsvSource({"EMG L", "Accel"})
    void annotationSignalHasNoType(String ignored) {
        EdfSignalHeader s = new EdfSignalHeader(0, "EDF Annotations", "", "", -1, 1, -32768, 32767, "", 10);
        assertNull(s.inferredType());
        assertNull(SignalLabels.inferType(null));
    }
}
