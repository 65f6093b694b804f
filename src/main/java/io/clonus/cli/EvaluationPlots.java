package io.clonus.cli;

import io.clonus.evaluate.Agreement;
import io.clonus.evaluate.BlandAltman;
import io.clonus.evaluate.Evaluation;
import io.clonus.evaluate.EventMatch;
import io.clonus.evaluate.RecordingScore;
import io.clonus.evaluate.ScoredEvent;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.knowm.xchart.AnnotationText;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.XYStyler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * The pictures of {@code clonus evaluate --plot-dir}, drawn with XChart like {@link Plots}:
 * <ul>
 * <li><b>Bland–Altman</b>: one panel per measure (beats, frequency, duration) of the pooled one-to-one matches, the
 *     difference detected − reference against the mean of the two, with the bias and the limits of agreement;</li>
 * <li><b>timeline</b>: one row per recording (per channel when scored per channel), reference events above
 *     (green detected, purple missed), detected events below (green matching, red false positive), on the
 *     recording's own time axis.</li>
 * </ul>
 * Stateless and thread-safe.
 */
final class EvaluationPlots {
    private static final int PANEL = 460;
    private static final Color POINT = new Color(0x1f, 0x4e, 0x79);
    private static final Color BIAS = new Color(0xc0, 0x1c, 0x28);
    private static final Color LIMIT = new Color(0x80, 0x80, 0x80);
    private static final Color TP = new Color(40, 150, 70);
    private static final Color TP_DETECTION = new Color(120, 200, 140);
    private static final Color FN = new Color(130, 60, 170);
    private static final Color FP = new Color(210, 50, 40);
    private static final Font LABEL = new Font(Font.SANS_SERIF, Font.PLAIN, 11);
    private static final java.awt.FontMetrics LABEL_METRICS = new BufferedImage(1, 1, BufferedImage.TYPE_INT_RGB)
            .createGraphics().getFontMetrics(LABEL);

    private EvaluationPlots() {
    }

    /**
     * @param ev     the evaluation
     * @param file   where to write
     * @param format PNG or SVG
     * @throws IOException if it cannot be written
     */
    static void blandAltman(Evaluation ev, Path file, Plots.Format format) throws IOException {
        List<XYChart> charts = new ArrayList<>();
        for (Agreement a : List.of(ev.pooled().beats(), ev.pooled().frequency(), ev.pooled().duration())) {
            charts.add(blandAltman(a, ev.rules().confidence()));
        }
        Plots.writeImage(file, format, 3 * PANEL, PANEL, (g) -> {
            for (int i = 0; i < charts.size(); i++) {
                Graphics2D p = (Graphics2D) g.create();
                try {
                    p.translate(i * PANEL, 0);
                    p.clipRect(0, 0, PANEL, PANEL);
                    charts.get(i).paint(p, PANEL, PANEL);
                } finally {
                    p.dispose();
                }
            }
        });
    }

    private static XYChart blandAltman(Agreement a, double confidence) {
        String unit = a.unit();
        String title = a.measure() + (a.n() == 0 ? ": no pair matched one to one"
                : a.n() == 1 ? ": 1 pair, too few for limits" : " (n = " + a.n() + ")");
        XYChart c = chart(title, "mean of detected and reference (" + unit + ")", "detected - reference (" + unit + ")",
                PANEL, PANEL);
        c.getStyler().setLegendPosition(Styler.LegendPosition.OutsideS);
        c.getStyler().setLegendLayout(Styler.LegendLayout.Horizontal);
        c.getStyler().setLegendVisible(a.blandAltman().isPresent());
        if (a.n() == 0) {
            XYSeries s = c.addSeries("none", new double[] {0}, new double[] {0});
            s.setMarker(SeriesMarkers.NONE);
            s.setLineColor(new Color(0, 0, 0, 0));
            Plots.range(c, -1, 1, -1, 1);
            return c;
        }
        double[] mean = new double[a.n()];
        double[] diff = new double[a.n()];
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        double dMax = 0;
        for (int i = 0; i < mean.length; i++) {
            Agreement.Pair p = a.pairs().get(i);
            mean[i] = (p.detected() + p.reference()) / 2;
            diff[i] = p.detected() - p.reference();
            lo = Math.min(lo, mean[i]);
            hi = Math.max(hi, mean[i]);
            dMax = Math.max(dMax, Math.abs(diff[i]));
        }
        double pad = 0.08 * (hi - lo);
        // one mean (a single pair, or all alike): a whole-number range around it, so the ticks stay short
        double x0 = hi > lo ? lo - pad : Math.floor(lo) - 1;
        double x1 = hi > lo ? hi + pad : Math.floor(lo) + 2;
        XYSeries points = c.addSeries("pairs", mean, diff);
        points.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
        points.setMarker(SeriesMarkers.CIRCLE);
        points.setMarkerColor(POINT);
        points.setShowInLegend(false);
        if (a.blandAltman().isPresent()) {
            BlandAltman b = a.blandAltman().get();
            line(c, "bias " + num(b.bias()), x0, x1, b.bias(), BIAS, new BasicStroke(1.6f));
            BasicStroke dashed = new BasicStroke(1.2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10, new float[] {6, 4}, 0);
            line(c, String.format(Locale.ROOT, "limits %s, %s (±%.2f SD)", num(b.lowerLimit()),
                    num(b.upperLimit()), io.clonus.evaluate.Statistics.z(confidence)), x0, x1, b.lowerLimit(), LIMIT, dashed);
            XYSeries upper = line(c, "upper limit", x0, x1, b.upperLimit(), LIMIT, dashed);
            upper.setShowInLegend(false);
            dMax = Math.max(dMax, Math.max(Math.abs(b.lowerLimit()), Math.abs(b.upperLimit())));
        }
        double y = dMax > 0 ? 1.25 * dMax : 1;
        Plots.range(c, x0, x1, -y, y);
        return c;
    }

    /**
     * @param ev     the evaluation
     * @param file   where to write
     * @param format PNG or SVG
     * @throws IOException if it cannot be written
     */
    static void timeline(Evaluation ev, Path file, Plots.Format format) throws IOException {
        List<String> names = new ArrayList<>();
        List<List<EventMatch>> rows = new ArrayList<>();
        double end = 0;
        for (RecordingScore r : ev.recordings()) {
            for (String track : r.tracks()) {
                names.add(track.isEmpty() ? r.name() : r.name() + " " + track);
                rows.add(r.events().stream().filter(m -> m.track().equals(track)).toList());
            }
            end = Math.max(end, r.score().events().recordedS());
            for (EventMatch m : r.events()) {
                end = Math.max(end, m.reference().map(ScoredEvent::endS).orElse(0.0));
                end = Math.max(end, m.detected().map(ScoredEvent::endS).orElse(0.0));
            }
        }
        double scale = end > 3 * 3600 ? 3600 : end > 1200 ? 60 : 1;
        String unit = scale == 3600 ? "h" : scale == 60 ? "min" : "s";
        int n = rows.size();
        int height = 150 + 56 * n;
        int width = 1200;
        XYChart c = chart("Events: reference above (green detected, purple missed), detections below (green"
                + " matching, red false positive)", "time from the recording's start (" + unit + ")", "", width, height);
        XYStyler st = c.getStyler();
        st.setLegendPosition(Styler.LegendPosition.OutsideS);
        st.setLegendLayout(Styler.LegendLayout.Horizontal);
        st.setYAxisTicksVisible(false);
        Bars refDetected = new Bars();
        Bars refMissed = new Bars();
        Bars detMatching = new Bars();
        Bars detFalse = new Bars();
        for (int i = 0; i < n; i++) {
            double base = n - 1 - i;
            for (EventMatch m : rows.get(i)) {
                if (m.reference().isPresent()) {
                    ScoredEvent r = m.reference().get();
                    (m.outcome() == EventMatch.Outcome.TRUE_POSITIVE ? refDetected : refMissed).add(r.startS() / scale,
                            r.endS() / scale, base + 0.52, base + 0.86);
                }
                if (m.detected().isPresent()) {
                    ScoredEvent d = m.detected().get();
                    (m.outcome() == EventMatch.Outcome.FALSE_POSITIVE ? detFalse : detMatching).add(d.startS() / scale,
                            d.endS() / scale, base + 0.12, base + 0.46);
                }
            }
            // XChart centres annotation text on its point: put the centre half the text's width from the left edge
            double px = LABEL_METRICS.stringWidth(names.get(i)) / 2.0 + 6;
            c.addAnnotation(new AnnotationText(names.get(i), px / (width - 70.0) * (end > 0 ? end / scale : 1),
                    base + 0.94, false));
        }
        refDetected.draw(c, "reference, detected", TP);
        refMissed.draw(c, "reference, missed", FN);
        detMatching.draw(c, "detection, matching", TP_DETECTION);
        detFalse.draw(c, "false positive", FP);
        if (c.getSeriesMap().isEmpty()) {
            XYSeries s = c.addSeries("no events", new double[] {0}, new double[] {0});
            s.setMarker(SeriesMarkers.NONE);
        }
        Plots.range(c, 0, end > 0 ? end / scale : 1, 0, Math.max(1, n));
        Plots.writeImage(file, format, width, height, g -> c.paint(g, width, height));
    }

    /** Rectangles of one colour, as one polygon series with null separators. */
    private static final class Bars {
        private final List<Double> x = new ArrayList<>();
        private final List<Double> y = new ArrayList<>();

        void add(double x0, double x1, double y0, double y1) {
            if (!x.isEmpty()) {
                x.add(null);
                y.add(null);
            }
            x.addAll(List.of(x0, x0, x1, x1));
            y.addAll(List.of(y0, y1, y1, y0));
        }

        void draw(XYChart c, String name, Color color) {
            if (x.isEmpty()) {
                return;
            }
            XYSeries s = c.addSeries(name, x, y);
            s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.PolygonArea);
            s.setFillColor(color);
            s.setLineColor(color);
            s.setMarker(SeriesMarkers.NONE);
        }
    }

    private static XYSeries line(XYChart c, String name, double x0, double x1, double y, Color color,
            BasicStroke stroke) {
        XYSeries s = c.addSeries(name, new double[] {x0, x1}, new double[] {y, y});
        s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
        s.setMarker(SeriesMarkers.NONE);
        s.setLineColor(color);
        s.setLineStyle(stroke);
        return s;
    }

    private static XYChart chart(String title, String xTitle, String yTitle, int width, int height) {
        XYChart c = Plots.chart(title, xTitle, yTitle, width, height);
        c.getStyler().setAnnotationTextFont(LABEL);
        return c;
    }

    private static String num(double v) {
        return String.format(Locale.ROOT, "%.3g", v);
    }

}
