package cn.xuncha.report;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The trend of open cases per unit as an inline SVG line chart (server-side, no script). */
final class TrendSvg {
    static final String[] COLOURS = {"#d62728", "#1f77b4", "#2ca02c", "#ff7f0e", "#9467bd", "#8c564b", "#e377c2", "#7f7f7f", "#bcbd22", "#17becf"};
    private static final int W = 760, H = 280, LEFT = 40, RIGHT = 150, TOP = 16, BOTTOM = 30;

    private TrendSvg() {}

    static String render(DailyReport.Trend trend) {
        int n = trend.days().size();
        int max = Math.max(1, trend.openByUnit().values().stream().flatMapToInt(java.util.Arrays::stream).max().orElse(1));
        double plotW = W - LEFT - RIGHT, plotH = H - TOP - BOTTOM;
        StringBuilder s = new StringBuilder();
        s.append(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" viewBox=\"0 0 %d %d\" role=\"img\" aria-label=\"各单位未整改问题趋势\">", W, H, W, H));
        s.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"%.0f\" height=\"%.0f\" fill=\"none\" stroke=\"#999\"/>", LEFT, TOP, plotW, plotH));
        for (int k = 0; k <= 4; k++) {
            double v = max * k / 4.0, y = TOP + plotH - plotH * k / 4.0;
            s.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%.1f\" font-size=\"10\" text-anchor=\"end\">%.0f</text>", LEFT - 4, y + 3, v));
        }
        for (int i = 0; i < n; i += Math.max(1, n / 6)) {
            s.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\" font-size=\"10\" text-anchor=\"middle\">%s</text>",
                    x(i, n, plotW), H - 10, trend.days().get(i).toString().substring(5)));
        }
        int c = 0;
        for (Map.Entry<String, int[]> e : trend.openByUnit().entrySet()) {
            String colour = COLOURS[c % COLOURS.length];
            StringBuilder pts = new StringBuilder();
            for (int i = 0; i < n; i++) {
                pts.append(String.format(Locale.ROOT, "%.1f,%.1f ", x(i, n, plotW), TOP + plotH - plotH * e.getValue()[i] / max));
            }
            s.append("<polyline fill=\"none\" stroke-width=\"2\" stroke=\"").append(colour).append("\" points=\"").append(pts.toString().trim()).append("\"/>");
            int ly = TOP + 14 + 16 * c;
            s.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"%s\" stroke-width=\"3\"/>", W - RIGHT + 10, ly - 4, W - RIGHT + 28, ly - 4, colour));
            s.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" font-size=\"11\">%s</text>", W - RIGHT + 32, ly, Html.escape(e.getKey())));
            c++;
        }
        return s.append("</svg>").toString();
    }

    private static double x(int i, int n, double plotW) {
        return LEFT + (n <= 1 ? plotW / 2 : plotW * i / (n - 1));
    }

    static List<String> colours() {
        return List.of(COLOURS);
    }
}
