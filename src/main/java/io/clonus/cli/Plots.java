package io.clonus.cli;

import de.erichseifert.vectorgraphics2d.VectorGraphics2D;
import de.erichseifert.vectorgraphics2d.svg.SVGProcessor;
import de.erichseifert.vectorgraphics2d.util.PageSize;
import io.clonus.detect.Beat;
import io.clonus.detect.ClonusResult;
import io.clonus.detect.Classification;
import io.clonus.detect.Episode;
import io.clonus.detect.SignalType;
import io.clonus.dsp.Spectrum;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.imageio.ImageIO;
import org.knowm.xchart.AnnotationText;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.XYStyler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * Draws one analysis as a picture of three panels, 1200 × 900 pixels, with XChart:
 * <ol>
 * <li>the conditioned signal against time: band-passed EMG, or the band-passed accelerometer axes with
 *     the principal-axis oscillation;</li>
 * <li>the detection signal (EMG envelope or principal-axis oscillation) with the beats marked and the
 *     episodes shaded (orange sustained, yellow unsustained);</li>
 * <li>the Welch spectrum of the detection signal with the clonus band shaded and the record's spectral
 *     peak marked.</li>
 * </ol>
 * Long signals are reduced to the minimum and maximum of each pixel column before drawing, which keeps
 * every peak visible and a one-hour record quick to draw. PNG is written with ImageIO, SVG with
 * VectorGraphics2D. Headless: {@link Main} sets {@code java.awt.headless}. Stateless and thread-safe.
 */
final class Plots {
    /** Picture width, pixels. */
    static final int WIDTH = 1200;
    /** Height of one panel, pixels; the picture has three. */
    static final int PANEL_HEIGHT = 300;
    private static final int COLUMNS = 1100; // about the plot area's width in pixels

    private static final Color SIGNAL = new Color(0x1f, 0x4e, 0x79);
    private static final Color BEAT = new Color(0xc0, 0x1c, 0x28);
    private static final Color SUSTAINED = new Color(255, 140, 0, 70);
    private static final Color UNSUSTAINED = new Color(230, 200, 0, 70);
    private static final Color BAND = new Color(60, 160, 60, 45);
    private static final Color[] AXES = {new Color(0x9e, 0xc5, 0xe8), new Color(0xf4, 0xb1, 0x83),
        new Color(0xb3, 0xd9, 0x9b)};

    /** Picture formats. */
    enum Format {
        /** Portable Network Graphics. */
        PNG,
        /** Scalable Vector Graphics. */
        SVG;

        /**
         * @param file a file name
         * @return its format by extension, or null if it is neither .png nor .svg
         */
        static Format of(Path file) {
            String n = file.getFileName() == null ? "" : file.getFileName().toString().toLowerCase(Locale.ROOT);
            return n.endsWith(".png") ? PNG : n.endsWith(".svg") ? SVG : null;
        }

        /** @return the file extension with its dot */
        String extension() {
            return this == PNG ? ".png" : ".svg";
        }
    }

    private Plots() {
    }

    /**
     * Writes the picture of one analysis.
     *
     * @param a      the analysis, with its signal
     * @param shown  the input as the title names it (a file name, or a path below the inputs' common folder)
     * @param file   where to write (created or replaced)
     * @param format the format
     * @throws IOException if the file cannot be written
     */
    static void write(Analysis a, String shown, Path file, Format format) throws IOException {
        List<XYChart> charts = charts(a, shown);
        writeImage(file, format, WIDTH, PANEL_HEIGHT * charts.size(), g -> paint(g, charts));
    }

    /** Draws a picture onto a canvas of the picture's size. */
    interface Painter {
        /** @param g the canvas, white, origin at the top left */
        void paint(Graphics2D g);
    }

    /**
     * Writes a picture as PNG (antialiased, on white) or SVG: the one writer of every picture of the tool.
     *
     * @param file    where to write (created or replaced)
     * @param format  the format
     * @param width   width, pixels
     * @param height  height, pixels
     * @param painter draws the picture
     * @throws IOException if the file cannot be written
     */
    static void writeImage(Path file, Format format, int width, int height, Painter painter) throws IOException {
        if (format == Format.PNG) {
            BufferedImage img = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
            Graphics2D g = img.createGraphics();
            try {
                g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
                g.setColor(Color.WHITE);
                g.fillRect(0, 0, width, height);
                painter.paint(g);
            } finally {
                g.dispose();
            }
            try (OutputStream out = Files.newOutputStream(file)) {
                if (!ImageIO.write(img, "png", out)) {
                    throw new IOException("no PNG writer in this Java runtime");
                }
            }
        } else {
            VectorGraphics2D g = new VectorGraphics2D();
            painter.paint(g);
            try (OutputStream out = Files.newOutputStream(file)) {
                new SVGProcessor().getDocument(g.getCommands(), new PageSize(0, 0, width, height)).writeTo(out);
            }
        }
    }

    private static void paint(Graphics2D g, List<XYChart> charts) {
        for (int i = 0; i < charts.size(); i++) {
            Graphics2D panel = (Graphics2D) g.create();
            try {
                panel.translate(0, i * PANEL_HEIGHT);
                panel.clipRect(0, 0, WIDTH, PANEL_HEIGHT);
                charts.get(i).paint(panel, WIDTH, PANEL_HEIGHT);
            } finally {
                panel.dispose();
            }
        }
    }

    /**
     * @param a     an analysis with its signal
     * @param shown the input as the title names it
     * @return the three panels
     */
    static List<XYChart> charts(Analysis a, String shown) {
        ClonusResult r = a.result();
        double offset = a.source().startS();
        Traces.Trace detection = Traces.detection(a.signal(), r);
        List<Traces.Trace> conditioned = Traces.conditioned(a.signal(), r);
        double x0 = offset;
        double x1 = offset + r.durationS();
        String unit = a.source().unit();
        boolean emg = r.type() == SignalType.EMG;

        // 1: conditioned signal
        String title = String.format(Locale.ROOT, "%s  %s (%s, %s Hz): %s, %d beat%s%s", shown,
                a.channelAndSegment(), r.type(), Num.text(r.sampleRateHz()), r.classification(), r.beatCount(),
                r.beatCount() == 1 ? "" : "s", r.frequencyHz().isPresent()
                        ? String.format(Locale.ROOT, ", %.2f Hz", r.frequencyHz().getAsDouble()) : "");
        XYChart c1 = chart(title, "time (s)", (emg ? "band-passed EMG (" : "band-passed motion (") + unit + ")");
        double lim1 = 0;
        for (int i = 0; i < conditioned.size(); i++) {
            Traces.Trace t = conditioned.get(i);
            double[][] xy = decimate(t, offset, x0, x1);
            XYSeries s = c1.addSeries(t.name(), xy[0], xy[1]);
            line(s, emg ? SIGNAL : AXES[i % AXES.length], emg ? 0.8f : 1.0f);
            lim1 = Math.max(lim1, maxAbs(xy[1]));
        }
        if (!emg) {
            double[][] xy = decimate(detection, offset, x0, x1);
            line(c1.addSeries("principal axis", xy[0], xy[1]), SIGNAL, 1.2f);
            lim1 = Math.max(lim1, maxAbs(xy[1]));
        }
        c1.getStyler().setLegendVisible(conditioned.size() > 1 || !emg);
        range(c1, x0, x1, -nice(lim1), nice(lim1));

        // 2: detection signal with episodes and beats
        XYChart c2 = chart(emg ? "EMG envelope (detection signal) with beats and episodes"
                : "principal-axis oscillation (detection signal) with beats and episodes", "time (s)",
                (emg ? "envelope (" : "oscillation (") + unit + ")");
        double[][] det = decimate(detection, offset, x0, x1);
        double lo = emg ? 0 : -nice(maxAbs(det[1]));
        double hi = nice(maxAbs(det[1]));
        shade(c2, r.episodes(), lo, hi);
        line(c2.addSeries(detection.name(), det[0], det[1]), SIGNAL, 1.0f);
        List<Beat> beats = r.beats();
        if (!beats.isEmpty()) {
            double[] bx = new double[beats.size()];
            double[] by = new double[beats.size()];
            for (int i = 0; i < bx.length; i++) {
                bx[i] = beats.get(i).timeS();
                by[i] = detection.at(bx[i] - offset); // on the drawn curve, whatever the beat's amplitude measures
            }
            XYSeries s = c2.addSeries("beats (" + beats.size() + ")", bx, by);
            s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
            s.setMarker(SeriesMarkers.CIRCLE);
            s.setMarkerColor(BEAT);
        }
        range(c2, x0, x1, lo, hi);

        // 3: spectrum
        Spectrum sp = Traces.spectrum(detection);
        double fMax = Math.min(1.25 * r.config().searchHighHz(), 0.5 / detection.dt());
        List<Double> fx = new ArrayList<>();
        List<Double> py = new ArrayList<>();
        for (int i = 0; i < sp.size(); i++) {
            double f = sp.frequencyAt(i);
            if (f > 0 && f <= fMax) {
                fx.add(f);
                py.add(sp.psdAt(i));
            }
        }
        String psdUnit = unit.equals("a.u.") ? "a.u." : unit + "²/Hz";
        double pMax = 0;
        for (double p : py) {
            pMax = Math.max(pMax, p);
        }
        // densities of small-valued signals (volts: 1e-15) or large ones get a power of ten in the axis title,
        // so the ticks stay short numbers
        int exponent = pMax > 0 && (pMax < 1e-2 || pMax >= 1e5) ? (int) Math.floor(Math.log10(pMax)) : 0;
        double perUnit = Math.pow(10, -exponent);
        for (int i = 0; i < py.size(); i++) {
            py.set(i, py.get(i) * perUnit);
        }
        pMax *= perUnit;
        XYChart c3 = chart("Welch spectrum of the detection signal; clonus band shaded", "frequency (Hz)",
                "power density (" + (exponent == 0 ? "" : "1e" + exponent + " ") + psdUnit + ")");
        pMax = pMax > 0 ? pMax * 1.15 : 1;
        double bandLo = r.config().bandLowHz();
        double bandHi = r.config().bandHighHz();
        XYSeries band = c3.addSeries(String.format(Locale.ROOT, "clonus band %s-%s Hz", Num.text(bandLo),
                Num.text(bandHi)), new double[] {bandLo, bandLo, bandHi, bandHi}, new double[] {0, pMax, pMax, 0});
        band.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.PolygonArea);
        band.setFillColor(BAND);
        band.setLineColor(BAND);
        band.setMarker(SeriesMarkers.NONE);
        if (!fx.isEmpty()) {
            line(c3.addSeries("spectrum", fx.stream().mapToDouble(Double::doubleValue).toArray(),
                    py.stream().mapToDouble(Double::doubleValue).toArray()), SIGNAL, 1.4f);
        }
        if (r.rhythm().spectralPeakHz().isPresent()) {
            double f = r.rhythm().spectralPeakHz().getAsDouble();
            double p = interpolate(fx, py, f);
            XYSeries peak = c3.addSeries(String.format(Locale.ROOT, "peak %.2f Hz%s", f,
                    r.config().inBand(f) ? "" : " (outside the band)"), new double[] {f}, new double[] {p});
            peak.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
            peak.setMarker(SeriesMarkers.DIAMOND);
            peak.setMarkerColor(BEAT);
            AnnotationText label = new AnnotationText(String.format(Locale.ROOT, "%.2f Hz", f), f,
                    Math.min(p + 0.06 * pMax, 0.97 * pMax), false);
            c3.addAnnotation(label);
        }
        range(c3, 0, fMax, 0, pMax);
        return List.of(c1, c2, c3);
    }

    private static XYChart chart(String title, String xTitle, String yTitle) {
        XYChart c = chart(title, xTitle, yTitle, WIDTH, PANEL_HEIGHT);
        XYStyler st = c.getStyler();
        st.setLegendPosition(Styler.LegendPosition.InsideNE);
        st.setLegendBackgroundColor(new Color(255, 255, 255, 210));
        return c;
    }

    /**
     * A chart in the tool's style (white, grey border and grid, sans-serif fonts, antialiased), shared by the
     * analysis pictures and {@code evaluate}'s.
     */
    static XYChart chart(String title, String xTitle, String yTitle, int width, int height) {
        XYChart c = new XYChartBuilder().width(width).height(height).title(title).xAxisTitle(xTitle)
                .yAxisTitle(yTitle).build();
        XYStyler st = c.getStyler();
        st.setChartBackgroundColor(Color.WHITE);
        st.setPlotBackgroundColor(Color.WHITE);
        st.setPlotBorderColor(Color.GRAY);
        st.setPlotGridLinesColor(new Color(225, 225, 225));
        st.setLegendBackgroundColor(Color.WHITE);
        st.setLegendBorderColor(Color.LIGHT_GRAY);
        st.setChartTitleBoxVisible(false);
        st.setChartTitleFont(new Font(Font.SANS_SERIF, Font.BOLD, 13));
        st.setAxisTitleFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        st.setAxisTickLabelsFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
        st.setLegendFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
        st.setMarkerSize(7);
        st.setAntiAlias(true);
        return c;
    }

    private static void line(XYSeries s, Color color, float width) {
        s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
        s.setMarker(SeriesMarkers.NONE);
        s.setLineColor(color);
        s.setLineStyle(new BasicStroke(width));
    }

    /** Sets both axes' ranges; an empty range becomes one unit wide. */
    static void range(XYChart c, double x0, double x1, double y0, double y1) {
        XYStyler st = c.getStyler();
        st.setXAxisMin(x0);
        st.setXAxisMax(x1 > x0 ? x1 : x0 + 1);
        st.setYAxisMin(y0);
        st.setYAxisMax(y1 > y0 ? y1 : y0 + 1);
    }

    /** One translucent box per episode, behind the signal; one legend entry per class. */
    private static void shade(XYChart c, List<Episode> episodes, double lo, double hi) {
        boolean[] named = new boolean[Classification.values().length];
        int n = 0;
        for (Episode e : episodes) {
            n++;
            Color color = e.classification() == Classification.SUSTAINED ? SUSTAINED : UNSUSTAINED;
            String name = e.classification().name().toLowerCase(Locale.ROOT) + " episode";
            boolean first = !named[e.classification().ordinal()];
            named[e.classification().ordinal()] = true;
            XYSeries s = c.addSeries(first ? name : name + " " + n, new double[] {e.startS(), e.startS(), e.endS(),
                e.endS()}, new double[] {lo, hi, hi, lo});
            s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.PolygonArea);
            s.setFillColor(color);
            s.setLineColor(color);
            s.setMarker(SeriesMarkers.NONE);
            s.setShowInLegend(first);
        }
    }

    /**
     * Reduces a trace to at most two points per pixel column (the column's minimum and maximum, in time
     * order), so that peaks survive and drawing stays quick however long the record.
     *
     * @param t      the trace
     * @param offset seconds added to its times (the signal's start in the recording)
     * @param x0     left edge of the plot, seconds
     * @param x1     right edge, seconds
     * @return {x, y}
     */
    static double[][] decimate(Traces.Trace t, double offset, double x0, double x1) {
        double[] y = t.y();
        int n = y.length;
        if (n <= 4 * COLUMNS || x1 <= x0) {
            double[] x = new double[n];
            for (int i = 0; i < n; i++) {
                x[i] = offset + t.t0() + i * t.dt();
            }
            return new double[][] {x, y.clone()};
        }
        double[] xs = new double[2 * COLUMNS];
        double[] ys = new double[2 * COLUMNS];
        int m = 0;
        int i = 0;
        double width = (x1 - x0) / COLUMNS;
        for (int col = 0; col < COLUMNS && i < n; col++) {
            double edge = col == COLUMNS - 1 ? Double.POSITIVE_INFINITY : x0 + (col + 1) * width;
            int lo = -1;
            int hi = -1;
            while (i < n && offset + t.t0() + i * t.dt() < edge) {
                if (lo < 0 || y[i] < y[lo]) {
                    lo = i;
                }
                if (hi < 0 || y[i] > y[hi]) {
                    hi = i;
                }
                i++;
            }
            if (lo < 0) {
                continue;
            }
            int a = Math.min(lo, hi);
            int b = Math.max(lo, hi);
            xs[m] = offset + t.t0() + a * t.dt();
            ys[m++] = y[a];
            if (b != a) {
                xs[m] = offset + t.t0() + b * t.dt();
                ys[m++] = y[b];
            }
        }
        return new double[][] {java.util.Arrays.copyOf(xs, m), java.util.Arrays.copyOf(ys, m)};
    }

    private static double maxAbs(double[] y) {
        double m = 0;
        for (double v : y) {
            m = Math.max(m, Math.abs(v));
        }
        return m;
    }

    /** A little headroom above the largest value, so that nothing touches the frame. */
    private static double nice(double v) {
        return v > 0 && Double.isFinite(v) ? v * 1.08 : 1;
    }

    private static double interpolate(List<Double> fx, List<Double> py, double f) {
        for (int i = 1; i < fx.size(); i++) {
            if (fx.get(i) >= f) {
                double w = (f - fx.get(i - 1)) / (fx.get(i) - fx.get(i - 1));
                return py.get(i - 1) * (1 - w) + py.get(i) * w;
            }
        }
        return fx.isEmpty() ? 0 : py.get(py.size() - 1);
    }
}
