package io.github.churnkit.examples.report;

import java.util.List;
import java.util.Locale;

/**
 * Small inline-SVG charts drawn by hand (no charting library, no scripts, no network): line charts
 * with several series, step lines, vertical and horizontal bar charts. Every chart is one
 * {@code <svg class="chart">} element with a title, axes with ticks, and a legend. Stateless.
 */
final class Svg {

    static final String[] COLOURS = {"#1f77b4", "#d62728", "#2ca02c", "#ff7f0e", "#9467bd", "#8c564b", "#e377c2",
        "#17becf", "#7f7f7f", "#bcbd22"};
    private static final int W = 440;
    private static final int H = 300;
    private static final int L = 56;
    private static final int R = 14;
    private static final int T = 34;
    private static final int B = 46;

    /** One line: x and y values of equal length; {@code step} draws a survival-style step line. */
    record Series(String name, double[] x, double[] y, boolean step, boolean dashed) {
    }

    /** Where a line chart's legend goes: the corner the curves leave empty. */
    enum Corner {
        TOP_LEFT, TOP_RIGHT, BOTTOM_LEFT, BOTTOM_RIGHT
    }

    /** One bar: a label and a value. */
    record Bar(String label, double value) {
    }

    private Svg() {
    }

    static String esc(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    static String f(double v) {
        return String.format(Locale.ROOT, "%.1f", v);
    }

    private static String tick(double v) {
        double a = Math.abs(v);
        if (a >= 1e6) {
            return String.format(Locale.ROOT, "%.1fM", v / 1e6);
        }
        if (a >= 1e4) {
            return String.format(Locale.ROOT, "%.0fk", v / 1e3);
        }
        if (a >= 10 || v == Math.rint(v)) {
            return String.format(Locale.ROOT, "%.0f", v);
        }
        return String.format(Locale.ROOT, "%.2f", v);
    }

    private static StringBuilder open(String title, String id) {
        StringBuilder sb = new StringBuilder();
        sb.append("<svg class=\"chart\" id=\"").append(id).append("\" xmlns=\"http://www.w3.org/2000/svg\" width=\"")
                .append(W).append("\" height=\"").append(H).append("\" viewBox=\"0 0 ").append(W).append(' ').append(H)
                .append("\" role=\"img\" aria-label=\"").append(esc(title)).append("\">");
        sb.append("<rect width=\"100%\" height=\"100%\" fill=\"#fff\"/>");
        sb.append("<text x=\"").append(W / 2).append("\" y=\"20\" text-anchor=\"middle\" class=\"t\">")
                .append(esc(title)).append("</text>");
        return sb;
    }

    private static void axes(StringBuilder sb, double[] xr, double[] yr, String xLabel, String yLabel) {
        int pw = W - L - R;
        int ph = H - T - B;
        for (int i = 0; i <= 4; i++) {
            double fy = i / 4.0;
            double y = T + ph - fy * ph;
            sb.append("<line x1=\"").append(L).append("\" x2=\"").append(L + pw).append("\" y1=\"").append(f(y))
                    .append("\" y2=\"").append(f(y)).append("\" class=\"g\"/>");
            sb.append("<text x=\"").append(L - 5).append("\" y=\"").append(f(y + 4)).append("\" text-anchor=\"end\">")
                    .append(tick(yr[0] + fy * (yr[1] - yr[0]))).append("</text>");
            if (xr != null) {
                double x = L + fy * pw;
                sb.append("<text x=\"").append(f(x)).append("\" y=\"").append(T + ph + 15)
                        .append("\" text-anchor=\"middle\">").append(tick(xr[0] + fy * (xr[1] - xr[0]))).append("</text>");
            }
        }
        sb.append("<rect x=\"").append(L).append("\" y=\"").append(T).append("\" width=\"").append(pw)
                .append("\" height=\"").append(ph).append("\" class=\"frame\"/>");
        sb.append("<text x=\"").append(L + pw / 2).append("\" y=\"").append(H - 8).append("\" text-anchor=\"middle\">")
                .append(esc(xLabel)).append("</text>");
        sb.append("<text transform=\"translate(13,").append(T + ph / 2).append(") rotate(-90)\" text-anchor=\"middle\">")
                .append(esc(yLabel)).append("</text>");
    }

    /** A line chart over the given axis ranges ({@code {min, max}}). */
    static String lines(String id, String title, List<Series> series, double[] xr, double[] yr, String[] labels,
            Corner corner) {
        StringBuilder sb = open(title, id);
        axes(sb, xr, yr, labels[0], labels[1]);
        int pw = W - L - R;
        int ph = H - T - B;
        for (int s = 0; s < series.size(); s++) {
            Series se = series.get(s);
            String colour = se.dashed() ? "#888" : COLOURS[s % COLOURS.length];
            StringBuilder pts = new StringBuilder();
            double prevY = Double.NaN;
            for (int i = 0; i < se.x().length; i++) {
                double x = L + (se.x()[i] - xr[0]) / (xr[1] - xr[0]) * pw;
                double y = T + ph - (clamp(se.y()[i], yr) - yr[0]) / (yr[1] - yr[0]) * ph;
                if (!Double.isFinite(x) || !Double.isFinite(y)) {
                    continue;
                }
                if (se.step() && !Double.isNaN(prevY)) {
                    pts.append(f(x)).append(',').append(f(prevY)).append(' ');
                }
                pts.append(f(x)).append(',').append(f(y)).append(' ');
                prevY = y;
            }
            sb.append("<polyline fill=\"none\" stroke=\"").append(colour).append("\" stroke-width=\"2\"")
                    .append(se.dashed() ? " stroke-dasharray=\"5,4\"" : "").append(" points=\"")
                    .append(pts.toString().strip()).append("\"/>");
        }
        legend(sb, series.stream().map(Series::name).toList(), series.stream().map(Series::dashed).toList(), corner);
        return sb.append("</svg>").toString();
    }

    private static double clamp(double v, double[] r) {
        return Math.max(r[0], Math.min(r[1], v));
    }

    private static void legend(StringBuilder sb, List<String> names, List<Boolean> dashed, Corner corner) {
        boolean top = corner == Corner.TOP_LEFT || corner == Corner.TOP_RIGHT;
        boolean left = corner == Corner.TOP_LEFT || corner == Corner.BOTTOM_LEFT;
        int y = top ? T + 14 : H - B - 6 - 13 * (names.size() - 1);
        int x = left ? L + 8 : W - R - 158;
        sb.append("<rect x=\"").append(x - 4).append("\" y=\"").append(y - 12).append("\" width=\"154\" height=\"")
                .append(13 * names.size() + 4).append("\" fill=\"#fff\" fill-opacity=\"0.85\"/>");
        int colourIndex = 0;
        for (int i = 0; i < names.size(); i++) {
            String colour = dashed.get(i) ? "#888" : COLOURS[colourIndex % COLOURS.length];
            colourIndex++;
            sb.append("<rect x=\"").append(x).append("\" y=\"").append(y - 8).append("\" width=\"12\" height=\"4\" fill=\"")
                    .append(colour).append("\"/>");
            sb.append("<text x=\"").append(x + 16).append("\" y=\"").append(y - 3).append("\" class=\"lg\">")
                    .append(esc(shorten(names.get(i), 24))).append("</text>");
            y += 13;
        }
    }

    static String shorten(String s, int n) {
        return s.length() <= n ? s : s.substring(0, n - 1) + "\u2026";
    }

    /** Vertical bars; {@code percent} formats values as percentages. */
    static String bars(String id, String title, List<Bar> bars, String yLabel, boolean percent) {
        StringBuilder sb = open(title, id);
        double max = 0;
        for (Bar b : bars) {
            max = Math.max(max, Double.isFinite(b.value()) ? b.value() : 0);
        }
        max = max <= 0 ? 1 : max * 1.15;
        axes(sb, null, new double[] {0, max}, "", yLabel);
        int pw = W - L - R;
        int ph = H - T - B;
        double slot = pw / (double) Math.max(1, bars.size());
        for (int i = 0; i < bars.size(); i++) {
            Bar b = bars.get(i);
            double v = Double.isFinite(b.value()) ? b.value() : 0;
            double h = v / max * ph;
            double x = L + i * slot + slot * 0.15;
            sb.append("<rect x=\"").append(f(x)).append("\" y=\"").append(f(T + ph - h)).append("\" width=\"")
                    .append(f(slot * 0.7)).append("\" height=\"").append(f(h)).append("\" fill=\"")
                    .append(COLOURS[0]).append("\"/>");
            String text = percent ? String.format(Locale.ROOT, "%.1f%%", 100 * v) : tick(v);
            sb.append("<text x=\"").append(f(x + slot * 0.35)).append("\" y=\"").append(f(T + ph - h - 4))
                    .append("\" text-anchor=\"middle\" class=\"v\">").append(text).append("</text>");
            sb.append("<text x=\"").append(f(x + slot * 0.35)).append("\" y=\"").append(T + ph + 14)
                    .append("\" text-anchor=\"middle\" class=\"lg\">").append(esc(shorten(b.label(), Math.max(5, (int) (slot / 6.5)))))
                    .append("</text>");
        }
        return sb.append("</svg>").toString();
    }

    /** Horizontal bars, largest first as given. */
    static String hbars(String id, String title, List<Bar> bars) {
        StringBuilder sb = open(title, id);
        double max = 0;
        for (Bar b : bars) {
            max = Math.max(max, b.value());
        }
        max = max <= 0 ? 1 : max;
        int left = 150;
        int rowH = Math.min(22, (H - T - 10) / Math.max(1, bars.size()));
        for (int i = 0; i < bars.size(); i++) {
            Bar b = bars.get(i);
            double w = b.value() / max * (W - left - R - 40);
            double y = T + i * rowH;
            sb.append("<text x=\"").append(left - 6).append("\" y=\"").append(f(y + rowH * 0.7))
                    .append("\" text-anchor=\"end\" class=\"lg\">").append(esc(shorten(b.label(), 24))).append("</text>");
            sb.append("<rect x=\"").append(left).append("\" y=\"").append(f(y + 2)).append("\" width=\"")
                    .append(f(Math.max(1, w))).append("\" height=\"").append(rowH - 4).append("\" fill=\"")
                    .append(COLOURS[2]).append("\"/>");
            sb.append("<text x=\"").append(f(left + w + 4)).append("\" y=\"").append(f(y + rowH * 0.7))
                    .append("\" class=\"v\">").append(String.format(Locale.ROOT, "%.0f%%", 100 * b.value()))
                    .append("</text>");
        }
        return sb.append("</svg>").toString();
    }
}
