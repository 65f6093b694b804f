package io.clonus.sim;

import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Where an inertial sensor sits on the foot and how the foot lies, for the ankle kinematics model of
 * {@link AccSimulator}.
 *
 * <p>Frames. The <em>foot frame</em> has x from the heel to the toes, z out of the dorsum and y = z × x along
 * the ankle axis (to the patient's left on a right foot with x forward and z up). The ankle angle θ (positive
 * in dorsiflexion, toes towards the shin) turns the foot by −θ about y. The world has Z up; the foot's pitch in
 * the world is {@code restPitchDeg − θ} about the (horizontal) ankle axis: 0° is a foot flat on the floor
 * (sitting), about +20° a foot hanging relaxed in plantar flexion, −90° the sole vertical with the toes up
 * (supine). The sensor is {@code radiusM} from the ankle axis, in the sagittal plane of the foot, in the
 * direction {@code radiusAngleDeg} from the foot's x axis towards its z axis (0°: straight out towards the
 * toes; on the dorsum of the forefoot the angle is small). The sensor's mounting is a rotation: a vector's sensor
 * coordinates are its foot coordinates turned by roll (about x), then pitch (about y), then yaw (about z),
 * {@code v_sensor = Rz·Ry·Rx · v_foot}.
 *
 * @param radiusM        distance of the sensor from the ankle axis, metres (0–0.3; 0.05–0.15 on the foot)
 * @param radiusAngleDeg direction of the sensor from the ankle axis in the foot's x-z plane, degrees (−180–180)
 * @param restPitchDeg   pitch of the foot at θ = 0, degrees (−180–180)
 * @param mountRollDeg   mounting roll of the sensor about the foot's x axis, degrees (−180–180)
 * @param mountPitchDeg  mounting pitch about y, degrees (−180–180)
 * @param mountYawDeg    mounting yaw about z, degrees (−180–180)
 */
public record FootSensor(double radiusM, double radiusAngleDeg, double restPitchDeg, double mountRollDeg,
        double mountPitchDeg, double mountYawDeg) {

    /** Checks every argument; the message names the one that is wrong. */
    public FootSensor {
        if (!(radiusM >= 0 && radiusM <= 0.3)) {
            throw new IllegalArgumentException("radiusM must be 0-0.3 m (the foot is 5-15 cm), got " + radiusM);
        }
        angle("radiusAngleDeg", radiusAngleDeg);
        angle("restPitchDeg", restPitchDeg);
        angle("mountRollDeg", mountRollDeg);
        angle("mountPitchDeg", mountPitchDeg);
        angle("mountYawDeg", mountYawDeg);
    }

    private static void angle(String name, double deg) {
        if (!(deg >= -180 && deg <= 180)) {
            throw new IllegalArgumentException(name + " must be -180 to 180 degrees, got " + deg);
        }
    }

    /**
     * A sensor strapped on the foot at the given distance: direction from the axis uniform in −30–30°, rest
     * pitch uniform in −90–30° (from supine to a foot hanging relaxed), mounting roll and pitch uniform in
     * ±25° and yaw anywhere.
     *
     * @param rng     random source
     * @param radiusM distance from the ankle axis, metres
     * @return the sensor
     */
    public static FootSensor random(SplittableRandom rng, double radiusM) {
        double beta = -30 + 60 * rng.nextDouble();
        double rest = -90 + 120 * rng.nextDouble();
        double roll = -25 + 50 * rng.nextDouble();
        double pitch = -25 + 50 * rng.nextDouble();
        double yaw = -180 + 360 * rng.nextDouble();
        return new FootSensor(radiusM, beta, rest, roll, pitch, yaw);
    }

    /**
     * {@link #random(SplittableRandom, double)} at a distance uniform in 5–15 cm.
     *
     * @param rng random source
     * @return the sensor
     */
    public static FootSensor random(SplittableRandom rng) {
        double r = 0.05 + 0.10 * rng.nextDouble();
        return random(rng, r);
    }

    /** @return the rotation from foot to sensor axes, row-major: {@code v_sensor[i] = Σ m[i][j] v_foot[j]} */
    double[][] mount() {
        double[][] rx = rotation(0, Math.toRadians(mountRollDeg));
        double[][] ry = rotation(1, Math.toRadians(mountPitchDeg));
        double[][] rz = rotation(2, Math.toRadians(mountYawDeg));
        return multiply(rz, multiply(ry, rx));
    }

    /** @return the sensor position in the foot frame, metres: {x, z} */
    double[] positionXz() {
        double b = Math.toRadians(radiusAngleDeg);
        return new double[] {radiusM * Math.cos(b), radiusM * Math.sin(b)};
    }

    private static double[][] rotation(int axis, double a) {
        double c = Math.cos(a);
        double s = Math.sin(a);
        return switch (axis) {
            case 0 -> new double[][] {{1, 0, 0}, {0, c, -s}, {0, s, c}};
            case 1 -> new double[][] {{c, 0, s}, {0, 1, 0}, {-s, 0, c}};
            default -> new double[][] {{c, -s, 0}, {s, c, 0}, {0, 0, 1}};
        };
    }

    private static double[][] multiply(double[][] a, double[][] b) {
        double[][] m = new double[3][3];
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                for (int k = 0; k < 3; k++) {
                    m[i][j] += a[i][k] * b[k][j];
                }
            }
        }
        return m;
    }

    /** @return a short description */
    public String describe() {
        return String.format(Locale.ROOT, "sensor %.0f mm from the ankle axis at %.0f deg, foot at rest pitched %.0f deg",
                1000 * radiusM, radiusAngleDeg, restPitchDeg);
    }
}
