package cn.xuncha.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Chinese column headers and cell texts shared by the HTML, XLSX and CSV renderers. */
final class Columns {
    static final List<String> COUNTS = List.of("新增问题", "未整改", "超期", "反弹", "本期销号", "整改率", "摄像头在线率", "摄像头正常");
    static final List<String> UNIT = concat(List.of("排名", "责任单位"), COUNTS, List.of("未整改较前日"));
    static final List<String> POINT = concat(List.of("点位编号", "点位名称", "责任单位"), COUNTS, List.of("未整改较前日", "摄像头异常"));
    static final List<String> CAMERA = List.of("摄像头", "点位编号", "责任单位", "状态", "本次发现", "核查消除", "检测值与阈值");

    private Columns() {}

    /** Cell values of {@link #COUNTS}: numbers stay numbers (rates as fractions, NaN as null). */
    static List<Object> counts(Counts c) {
        List<Object> v = new ArrayList<>();
        v.add(c.newCases());
        v.add(c.open());
        v.add(c.overdue());
        v.add(c.rebounds());
        v.add(c.closed());
        v.add(Double.isNaN(c.rectificationRate()) ? null : c.rectificationRate());
        v.add(Double.isNaN(c.availability()) ? null : c.availability());
        v.add(c.cameras() == 0 ? null : c.healthy() + "/" + c.cameras());
        return v;
    }

    static String percent(Object v) {
        return v == null ? "—" : String.format(Locale.ROOT, "%.0f%%", ((Double) v) * 100);
    }

    /** Text of one counts cell: rates as percentages. */
    static String text(int column, Object v) {
        if (column == 5 || column == 6) return percent(v);
        return v == null ? "—" : v.toString();
    }

    static String delta(int now, int before) {
        int d = now - before;
        return d > 0 ? "+" + d : Integer.toString(d);
    }

    @SafeVarargs
    private static List<String> concat(List<String>... parts) {
        List<String> out = new ArrayList<>();
        for (List<String> p : parts) out.addAll(p);
        return List.copyOf(out);
    }
}
