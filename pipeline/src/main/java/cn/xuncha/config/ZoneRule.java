package cn.xuncha.config;

import java.util.Arrays;
import java.util.Optional;

/** What a zone forbids; a new static object staying in the zone past its dwell limit becomes a finding of that kind. */
public enum ZoneRule {
    NO_PARKING("no_parking"),
    NO_VENDING("no_vending"),
    PASSAGE("passage"),
    /** ground area where garbage/litter/piling is looked for (default: whole frame) */
    GROUND("ground"),
    /** area analysis ignores (sky, traffic lanes, timestamps) */
    IGNORE("ignore");

    private final String code;

    ZoneRule(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    public static Optional<ZoneRule> fromCode(String code) {
        return Arrays.stream(values()).filter(r -> r.code.equals(code)).findFirst();
    }
}
