package cn.xuncha.scan;

/** The camera health checks of the nightly scan, in the order a fault is attributed, with the report's Chinese label. */
public enum CheckKind {
    OFFLINE("离线"),
    COVERED("遮挡"),
    DARK("过暗"),
    BLURRED("模糊"),
    SHIFTED("视角偏移");

    private final String label;

    CheckKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
