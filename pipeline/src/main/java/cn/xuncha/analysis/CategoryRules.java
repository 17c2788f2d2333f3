package cn.xuncha.analysis;

import cn.xuncha.config.ZoneConfig;
import java.util.Optional;
import org.bytedeco.opencv.opencv_core.Scalar;

/**
 * Which category a static object gets. The classifier says whether it is garbage at all; the garbage
 * sub-category then follows from size and colour, because the assessment system defines them that way:
 * <ul>
 *   <li>{@link Category#PILING} (乱堆乱放): the object covers at least {@value #PILING_FRACTION} of the analysed
 *       frame: a pile of goods, materials or bulky waste rather than a bag;</li>
 *   <li>{@link Category#LITTER} (白色垃圾): small (at most {@value #LITTER_FRACTION} of the frame) and light:
 *       low saturation and bright, i.e. white/light plastic or paper;</li>
 *   <li>{@link Category#EXPOSED_GARBAGE} (暴露垃圾): every other garbage object, typically bags outside bins.</li>
 * </ul>
 * A non-garbage static object standing in a rule zone past the zone's dwell becomes that zone's category.
 */
final class CategoryRules {
    static final double PILING_FRACTION = 0.02;
    static final double LITTER_FRACTION = 0.004;
    /** min(B,G,R) at least this bright and max-min at most {@link #LITTER_MAX_SPREAD} → "white" */
    static final double LITTER_MIN_LEVEL = 140;
    static final double LITTER_MAX_SPREAD = 45;

    private CategoryRules() {}

    /**
     * @param areaFraction object box area / analysed frame area
     * @param meanBgr mean colour of the object's box in the analysis image
     */
    static Category garbage(double areaFraction, Scalar meanBgr) {
        if (areaFraction >= PILING_FRACTION) return Category.PILING;
        double b = meanBgr.get(0), g = meanBgr.get(1), r = meanBgr.get(2);
        double lo = Math.min(b, Math.min(g, r)), hi = Math.max(b, Math.max(g, r));
        if (areaFraction <= LITTER_FRACTION && lo >= LITTER_MIN_LEVEL && hi - lo <= LITTER_MAX_SPREAD) return Category.LITTER;
        return Category.EXPOSED_GARBAGE;
    }

    /** The category a rule zone assigns to a static object staying too long. */
    static Optional<Category> zone(Optional<ZoneConfig> zone) {
        return zone.map(z -> switch (z.rule()) {
            case NO_PARKING -> Category.ILLEGAL_PARKING;
            case NO_VENDING -> Category.STREET_VENDING;
            case PASSAGE -> Category.BLOCKED_PASSAGE;
            default -> null;
        });
    }
}
