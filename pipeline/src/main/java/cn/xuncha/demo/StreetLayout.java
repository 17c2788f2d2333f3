package cn.xuncha.demo;

/** Where things are in every demo street view, as fractions of frame height (fixed camera looking across a street). */
final class StreetLayout {
    /** bottom edge of the building wall / top of the sidewalk */
    static final double WALL_BOTTOM = 0.42;
    /** kerb line between sidewalk and road */
    static final double KERB = 0.64;
    /** feet of pedestrians walking along the sidewalk (two lanes) */
    static final double[] WALK_LANES = {0.52, 0.60};
    /** wheel line of cars driving past (two lanes; the kerbside strip above them is where cars park) */
    static final double[] DRIVE_LANES = {0.88, 0.99};

    private StreetLayout() {}
}
