package io.clonus.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** --plot and --plot-dir pictures. */
class PlotTest {
    @TempDir
    Path dir;

    private static BufferedImage png(Path p) throws IOException {
        BufferedImage img = ImageIO.read(p.toFile());
        assertTrue(img != null, p + " is not a PNG");
        return img;
    }

    @Test
    void pngOfOneSignalIsThreePanels() throws IOException {
        Path csv = Cli.csv(dir.resolve("rec.csv"), Cli.sustained(42).signal(), "EMG");
        Path out = dir.resolve("rec.png");
        Cli.Run r = Cli.run("analyze", "-q", "--plot", out.toString(), csv.toString());
        assertEquals(0, r.status(), r::toString);
        BufferedImage img = png(out);
        assertEquals(1200, img.getWidth());
        assertEquals(900, img.getHeight());
    }

    @Test
    void svgIsVectorGraphics() throws IOException {
        Path csv = Cli.csv(dir.resolve("rec.csv"), Cli.unsustained(43).signal(), "EMG");
        Path out = dir.resolve("rec.svg");
        Cli.Run r = Cli.run("analyze", "-q", "--plot", out.toString(), csv.toString());
        assertEquals(0, r.status(), r::toString);
        String svg = Files.readString(out, StandardCharsets.UTF_8);
        assertTrue(svg.startsWith("<?xml"), svg.substring(0, 40));
        assertTrue(svg.contains("<svg") && svg.contains("1200") && svg.contains("900"));
        assertTrue(svg.contains("<path"), "drawn as vector paths");
    }

    @Test
    void smallValuedSignalsGetShortTicksWithThePowerOfTenInTheAxisTitle() {
        io.clonus.detect.Signal s = Cli.sustained(42).signal();
        double[] volts = s.toArray(0);
        for (int i = 0; i < volts.length; i++) {
            volts[i] *= 1e-6; // microvolts written in volts
        }
        io.clonus.detect.Signal v = io.clonus.detect.Signal.emg("EMG", s.sampleRateHz(), volts);
        io.clonus.detect.ClonusResult r = io.clonus.detect.ClonusDetector.create().analyze(v);
        Analysis a = new Analysis("volts.csv", new io.clonus.analysis.Recording.Source("EMG",
                io.clonus.detect.SignalType.EMG, s.sampleRateHz(), 0, 1, 0.0, "V", null), v, r, List.of());
        org.knowm.xchart.XYChart spectrum = Plots.charts(a, "volts.csv").get(2);
        assertTrue(spectrum.getYAxisTitle().startsWith("power density (1e-1"), spectrum.getYAxisTitle());
        double max = spectrum.getSeriesMap().get("spectrum").getYData()[0];
        for (double y : spectrum.getSeriesMap().get("spectrum").getYData()) {
            max = Math.max(max, y);
        }
        assertTrue(max >= 1 && max < 10, "ticks between 0 and 10, not 1e-15: " + max);
    }

    @Test
    void severalSignalsOfOneFileGetTheirChannelInTheName() throws IOException {
        double[] acc = Arrays.copyOf(Cli.axis(Cli.acc(7), 0), 2000);
        Path edf = Cli.edf(dir.resolve("session.edf"),
                new Cli.EdfSignal("EMG L TA", "uV", 2000, Cli.axis(Cli.sustained(42), 0)),
                new Cli.EdfSignal("ACC X", "g", 100, acc));
        Cli.Run r = Cli.run("analyze", "-q", "--plot", dir.resolve("p.png").toString(), edf.toString());
        assertEquals(0, r.status(), r::toString);
        assertEquals(900, png(dir.resolve("p-EMG_L_TA.png")).getHeight());
        assertEquals(900, png(dir.resolve("p-ACC_X.png")).getHeight());
    }

    @Test
    void outputFoldersAreCreatedAndAPlotFormatWithoutPlotDirIsRefused() throws IOException {
        Path a = Cli.csv(dir.resolve("rec.csv"), Cli.sustained(42).signal(), "EMG left");
        Path picture = dir.resolve("new/folder/p.svg");
        Path beats = dir.resolve("other/new/b.csv");
        Cli.Run r = Cli.run("analyze", "-q", "--format", "json", "--plot", picture.toString(), "--beats",
                beats.toString(), a.toString());
        assertEquals(0, r.status(), r::toString);
        assertTrue(Files.size(picture) > 1000, "the folder of --plot is created as --plot-dir's is");
        assertTrue(Files.readString(beats).startsWith("file,channel"), "and that of --beats");
        assertEquals(picture.toString(), r.json().get(0).get("picture").asText());
        Cli.Run svg = Cli.run("analyze", "-q", "--plot-format", "svg", a.toString());
        assertEquals(2, svg.status(), svg::toString);
        assertTrue(svg.err().contains("--plot-format applies to --plot-dir"), svg::err);
        Cli.Run none = Cli.run("analyze", "-q", "--format", "json", a.toString());
        assertTrue(none.json().get(0).get("picture").isNull(), none::out);
    }

    @Test
    void plotDirHoldsOnePicturePerSignalWithUniqueNames() throws IOException {
        Files.createDirectories(dir.resolve("a"));
        Files.createDirectories(dir.resolve("b"));
        Path a = Cli.csv(dir.resolve("a/rec.csv"), Cli.sustained(42).signal(), "EMG left");
        Path b = Cli.csv(dir.resolve("b/rec.csv"), Cli.none(44).signal(), "EMG left");
        Path acc = Cli.csv(dir.resolve("motion.csv"), Cli.acc(7).signal(), "acc x", "acc y", "acc z");
        Path pics = dir.resolve("pictures");
        Cli.Run r = Cli.run("analyze", "-q", "--format", "json", "--plot-dir", pics.toString(), a.toString(),
                b.toString(), acc.toString());
        assertEquals(0, r.status(), r::toString);
        try (Stream<Path> files = Files.list(pics)) {
            assertEquals(List.of("a_rec_EMG_left.png", "b_rec_EMG_left.png", "motion_acc.png"),
                    files.map(p -> p.getFileName().toString()).sorted().toList(),
                    "named by the path below the inputs' common folder");
        }
        assertEquals(pics.resolve("b_rec_EMG_left.png").toString(), r.json().get(1).get("picture").asText(),
                "the result names its picture");
        assertEquals(1200, png(pics.resolve("motion_acc.png")).getWidth());
        Cli.Run svg = Cli.run("analyze", "-q", "--plot-dir", pics.toString(), "--plot-format", "svg", a.toString());
        assertEquals(0, svg.status(), svg::toString);
        assertTrue(Files.exists(pics.resolve("rec_EMG_left.svg")));
    }

    @Test
    void longTracesAreReducedToMinAndMaxPerPixelColumn() {
        int n = 3600 * 250; // one hour of envelope
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            y[i] = Math.sin(i * 0.01);
        }
        y[123_457] = 9; // a single spike must survive
        y[654_321] = -7;
        Traces.Trace t = new Traces.Trace("envelope", 0, 1 / 250.0, y);
        double[][] xy = Plots.decimate(t, 10, 10, 3610);
        assertTrue(xy[0].length <= 2 * 1100, "at most two points per column");
        assertEquals(9.0, Arrays.stream(xy[1]).max().orElseThrow());
        assertEquals(-7.0, Arrays.stream(xy[1]).min().orElseThrow());
        for (int i = 1; i < xy[0].length; i++) {
            assertTrue(xy[0][i] > xy[0][i - 1], "time order");
        }
        assertTrue(xy[0][0] >= 10 && xy[0][0] < 10 + 3600.0 / 1100, "the offset moves the trace onto the recording's"
                + " clock: " + xy[0][0]);
    }

    @Test
    void sanitizedNames() {
        assertEquals("EMG_L_TA", AnalyzeCommand.sanitize(" EMG L TA "));
        assertEquals("acc_x_y", AnalyzeCommand.sanitize("acc/x:y"));
        assertEquals("signal", AnalyzeCommand.sanitize("..."));
    }
}
