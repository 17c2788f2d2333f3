package cn.xuncha.config;

import java.util.List;

/** Point types used by the assessment system (测评点位类型). */
public final class PointTypes {
    public static final List<String> ALL = List.of(
            "农贸市场", "背街小巷", "老旧小区", "主次干道", "公路沿线", "铁路沿线", "河道沿线",
            "集镇", "村庄", "公园广场", "车站", "学校周边", "商业大街", "医院", "景区", "社区");

    private PointTypes() {}
}
