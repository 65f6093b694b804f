package io.clonus.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.clonus.detect.SignalType;
import io.clonus.io.edf.SignalLabels;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ChannelPlanTest {

    @ParameterizedTest
    @CsvSource(nullValues = "null", value = {
        "EMG L TA, EMG",
        "emg1, EMG",
        "L TA EMG, EMG",
        "soleus_emg, EMG",
        "ACC X, ACC",
        "acc_y, ACC",
        "Accelerometer, ACC",
        "Accel Z, ACC",
        "GYR X, ACC",
        "Gyro Z, ACC",
        "Wrist Gyro, ACC",
        "Wrist Accel, ACC",
        "L shank GyroX, ACC",
        "x, ACC",
        "AZ, ACC",
        "gy, ACC",
        "EEG Fpz-Cz, null",
        "ECG, null",
        "Status, null",
        "force, null",
        "'', null",
    })
    void oneRuleForDelimitedTextAndEdf(String name, String expected) {
        SignalType t = ChannelPlan.inferType(name);
        assertEquals(expected, t == null ? null : t.name());
        assertEquals(expected, SignalLabels.inferType(name), "the EDF helper delegates to the same rule");
    }

    @Test
    void nullNameHasNoType() {
        assertEquals(null, ChannelPlan.inferType(null));
    }

    @Test
    void groupsAxesOfOneSensorAndKeepsFileOrder() throws InputException {
        List<ChannelPlan.Group> g = ChannelPlan.plan(
                List.of("EMG L TA", "ACC X", "ACC Y", "ACC Z", "EMG R TA"), null, null);
        assertEquals(3, g.size());
        assertEquals(new ChannelPlan.Group("EMG L TA", SignalType.EMG, List.of("EMG L TA")), g.get(0));
        assertEquals(new ChannelPlan.Group("ACC", SignalType.ACC, List.of("ACC X", "ACC Y", "ACC Z")), g.get(1));
        assertEquals("EMG R TA", g.get(2).label());
    }

    @Test
    void unknownTypeAndUnknownChannelAreExplained() {
        InputException e = assertThrows(InputException.class,
                () -> ChannelPlan.plan(List.of("signal"), null, null));
        assertTrue(e.getMessage().contains("'signal'") && e.getMessage().contains("--type"), e.getMessage());
        InputException u = assertThrows(InputException.class,
                () -> ChannelPlan.plan(List.of("EMG1", "EMG2"), List.of("EMG3"), null));
        assertTrue(u.getMessage().contains("'EMG1', 'EMG2'"), u.getMessage());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "phyphox|Acceleration x (m/s^2)|Acceleration y (m/s^2)|Acceleration z (m/s^2)|Acceleration",
        "sensor prefix and unit|Sensor 1: ACC X (G)|Sensor 1: ACC Y (G)|Sensor 1: ACC Z (G)|Sensor 1: ACC",
        "glued axis and unit|accX [g]|accY [g]|accZ [g]|acc",
        "gyroscope|gyr_x|gyr_y|gyr_z|gyr",
    })
    void axesWithUnitsAndPrefixesAreOneSensor(String exporter, String x, String y, String z, String label)
            throws Exception {
        List<ChannelPlan.Group> all = ChannelPlan.plan(List.of(x, y, z), null, null);
        assertEquals(1, all.size(), all::toString);
        assertEquals(label, all.get(0).label());
        assertEquals(List.of(x, y, z), all.get(0).channels());
        List<ChannelPlan.Group> asked = ChannelPlan.plan(List.of("EMG soleus", x, y, z), List.of(x, y, z), null);
        assertEquals(1, asked.size(), "naming the three axes gives one signal: " + asked);
    }

    @Test
    void aTypeForcedAgainstTheNameIsSaid() throws Exception {
        java.util.List<String> notes = new java.util.ArrayList<>();
        ChannelPlan.plan(List.of("emg_soleus"), null, SignalType.ACC, notes);
        assertEquals(List.of("channel 'emg_soleus' is named like EMG but analysed as a motion sensor (--type acc)"),
                notes);
        notes.clear();
        ChannelPlan.plan(List.of("emg_soleus", "force"), null, SignalType.EMG, notes);
        assertTrue(notes.isEmpty(), notes::toString);
    }
}
