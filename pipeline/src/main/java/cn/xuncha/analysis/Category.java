package cn.xuncha.analysis;

import java.util.Arrays;
import java.util.Optional;

/** Problem categories from the assessment system; codes are stable ASCII, Chinese names live in seeds/taxonomy.yaml. */
public enum Category {
    EXPOSED_GARBAGE("exposed_garbage"),
    LITTER("litter"),
    PILING("piling"),
    ILLEGAL_PARKING("illegal_parking"),
    STREET_VENDING("street_vending"),
    BLOCKED_PASSAGE("blocked_passage");

    private final String code;

    Category(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    public static Optional<Category> fromCode(String code) {
        return Arrays.stream(values()).filter(c -> c.code.equals(code)).findFirst();
    }
}
