package cn.xuncha.report;

import static cn.xuncha.report.Html.escape;

import cn.xuncha.report.ReportRows.CameraRow;
import cn.xuncha.report.ReportRows.PointRow;
import cn.xuncha.report.ReportRows.UnitRow;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.List;

/** The printable HTML morning report: Chinese headers, the trend as inline SVG, thumbnails embedded. */
public final class HtmlReport {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
    private final ZoneId zone;

    public HtmlReport(ZoneId zone) {
        this.zone = zone;
    }

    public String render(DailyReport r) {
        StringBuilder h = new StringBuilder(64 * 1024);
        h.append("<!DOCTYPE html><html lang=\"zh-CN\"><head><meta charset=\"utf-8\"><title>巡查日报 ").append(r.date()).append("</title><style>")
                .append("body{font-family:'Noto Sans CJK SC','Microsoft YaHei',sans-serif;margin:24px;color:#222}")
                .append("table{border-collapse:collapse;margin:8px 0 20px;font-size:13px}th,td{border:1px solid #bbb;padding:3px 7px;text-align:center}")
                .append("th{background:#eef2f7}td.l{text-align:left}.up{color:#c00}.down{color:#080}.bad{background:#fdecea}")
                .append(".thumbs{display:flex;flex-wrap:wrap;gap:12px}.thumbs figure{margin:0;width:330px}.thumbs img{width:320px;border:1px solid #999}")
                .append("@media print{body{margin:8mm}h2{page-break-before:auto}table,figure{page-break-inside:avoid}}</style></head><body>");
        h.append("<h1>巡查日报 ").append(r.date()).append("</h1><p>统计时段：").append(time(r.since())).append(" 至 ").append(time(r.asOf()))
                .append(r.scanId() == null ? "；当晚无夜间巡检" : "；夜间巡检批次 #" + r.scanId()).append("</p>");
        summary(h, r);
        h.append("<h2>单位排名</h2><p>按整改率由高到低排名；整改率相同时超期、反弹、未整改少者在前。</p>");
        table(h, Columns.UNIT, r.units().stream().map(u -> unitRow(u)).toList());
        h.append("<h2>各单位未整改问题趋势（近").append(r.trend().days().size()).append("晚）</h2>").append(TrendSvg.render(r.trend()));
        worst(h, r);
        h.append("<h2>点位明细</h2>");
        table(h, Columns.POINT, r.points().stream().map(HtmlReport::pointRow).toList());
        h.append("<h2>摄像头异常</h2>");
        List<CameraRow> bad = r.cameras().stream().filter(c -> !"OK".equals(c.status())).toList();
        if (bad.isEmpty()) h.append("<p>全部摄像头正常。</p>");
        else table(h, Columns.CAMERA, bad.stream().map(HtmlReport::cameraRow).toList());
        return h.append("</body></html>").toString();
    }

    private void summary(StringBuilder h, DailyReport r) {
        h.append("<h2>总体情况</h2><table><tr><th></th>");
        Columns.COUNTS.forEach(c -> h.append("<th>").append(c).append("</th>"));
        h.append("</tr>");
        for (int k = 0; k < 2; k++) {
            Counts c = k == 0 ? r.total() : r.totalPrevious();
            h.append("<tr><th>").append(k == 0 ? "本期" : "前一日").append("</th>");
            List<Object> v = Columns.counts(c);
            for (int i = 0; i < v.size(); i++) h.append("<td>").append(escape(Columns.text(i, v.get(i)))).append("</td>");
            h.append("</tr>");
        }
        h.append("</table>");
    }

    private static String unitRow(UnitRow u) {
        StringBuilder s = new StringBuilder("<tr><td>" + u.rank() + "</td><td class=\"l\">" + escape(u.unit()) + "</td>");
        countCells(s, u.now());
        return s.append(deltaCell(u.now().open(), u.previous().open())).append("</tr>").toString();
    }

    private static String pointRow(PointRow p) {
        StringBuilder s = new StringBuilder("<tr" + (p.now().burden() > 0 ? " class=\"bad\"" : "") + "><td>" + escape(p.pointId())
                + "</td><td class=\"l\">" + escape(p.name()) + "</td><td class=\"l\">" + escape(p.unit()) + "</td>");
        countCells(s, p.now());
        return s.append(deltaCell(p.now().open(), p.previous().open())).append("<td class=\"l\">")
                .append(escape(String.join("；", p.cameraFaults()))).append("</td></tr>").toString();
    }

    private static String cameraRow(CameraRow c) {
        return "<tr><td>" + escape(c.cameraId()) + "</td><td>" + escape(c.pointId()) + "</td><td class=\"l\">" + escape(c.unit())
                + "</td><td>" + escape(c.statusLabel()) + "</td><td>" + c.findings() + "</td><td>" + c.cleared()
                + "</td><td class=\"l\">" + escape(c.detail()) + "</td></tr>";
    }

    private void worst(StringBuilder h, DailyReport r) {
        h.append("<h2>问题突出点位</h2>");
        if (r.worst().isEmpty()) {
            h.append("<p>无。</p>");
            return;
        }
        h.append("<div class=\"thumbs\">");
        for (PointRow p : r.worst()) {
            for (CameraRow c : r.camerasOf(p.pointId())) {
                if (c.thumbnailJpeg() == null) continue;
                h.append("<figure><img alt=\"").append(escape(c.cameraId())).append("\" src=\"data:image/jpeg;base64,")
                        .append(Base64.getEncoder().encodeToString(c.thumbnailJpeg())).append("\"><figcaption>")
                        .append(escape(p.pointId() + " " + p.name() + "（" + p.unit() + "）" + c.cameraId() + "：未整改 " + p.now().open()
                                + "，超期 " + p.now().overdue() + "，反弹 " + p.now().rebounds() + "，" + c.statusLabel()))
                        .append("</figcaption></figure>");
            }
        }
        h.append("</div>");
    }

    private static void countCells(StringBuilder s, Counts c) {
        List<Object> v = Columns.counts(c);
        for (int i = 0; i < v.size(); i++) s.append("<td>").append(escape(Columns.text(i, v.get(i)))).append("</td>");
    }

    private static String deltaCell(int now, int before) {
        String cls = now > before ? "up" : now < before ? "down" : "";
        return "<td class=\"" + cls + "\">" + Columns.delta(now, before) + "</td>";
    }

    private static void table(StringBuilder h, List<String> headers, List<String> rows) {
        h.append("<table><thead><tr>");
        headers.forEach(c -> h.append("<th>").append(c).append("</th>"));
        h.append("</tr></thead><tbody>");
        rows.forEach(h::append);
        h.append("</tbody></table>");
    }

    private String time(java.time.Instant t) {
        return TIME.format(t.atZone(zone));
    }
}
