package cn.xuncha.config.importer;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The spreadsheet columns the importer understands, with the Chinese and English headers offices use for them. */
public enum ImportColumn {
    ID(true, true, "id", "点位编号", "点位id", "点位代码", "编号", "point_id"),
    NAME(true, true, "name", "点位名称", "名称", "point_name"),
    TYPE(true, true, "type", "点位类型", "类型", "类别", "point_type"),
    UNIT(true, true, "unit", "责任单位", "单位", "所属单位", "unit_name"),
    LAT(true, false, "lat", "纬度", "latitude"),
    LON(true, false, "lon", "经度", "lng", "longitude"),
    CAMERA_ID(false, true, "camera_id", "摄像头编号", "摄像机编号", "监控编号", "设备编号", "camera"),
    CAMERA_NAME(false, false, "camera_name", "摄像头名称", "摄像机名称", "监控名称", "设备名称"),
    URL(false, true, "url", "视频地址", "视频流地址", "取流地址", "播放地址", "stream_url", "rtsp"),
    SAMPLE_INTERVAL(false, false, "sample_interval", "抽帧间隔", "采样间隔", "抽帧频率", "interval", "sampleinterval");

    private final boolean pointField;
    private final boolean required;
    private final List<String> aliases;

    ImportColumn(boolean pointField, boolean required, String... aliases) {
        this.pointField = pointField;
        this.required = required;
        this.aliases = List.of(aliases);
    }

    /** True for columns describing the point (repeated or left blank on its further camera rows). */
    public boolean pointField() {
        return pointField;
    }

    public boolean required() {
        return required;
    }

    /** How the column is named in messages when the file lacks it: "点位编号/id". */
    public String label() {
        return aliases.get(1) + "/" + aliases.get(0);
    }

    public static Optional<ImportColumn> of(String header) {
        String h = normalize(header);
        for (ImportColumn c : values()) if (c.aliases.contains(h)) return Optional.of(c);
        return Optional.empty();
    }

    /** Lower case, no BOM, no blanks, no unit in brackets: "抽帧间隔（秒）" → "抽帧间隔", "Camera ID" → "camera_id". */
    static String normalize(String header) {
        String h = header.replace("\uFEFF", "").strip().toLowerCase(Locale.ROOT);
        h = h.replaceAll("[(（\\[【].*?[)）\\]】]", "").strip();
        h = h.replaceAll("\\*", "");
        return h.replaceAll("[\\s\\-]+", "_");
    }
}
