package cn.xuncha.demo;

/** Things a scripted event leaves in the view; each stays until the clip loops. */
public enum EventKind {
    BLACK_BAG("black garbage bag (暴露垃圾)", 1.0, false),
    BLUE_BAG("blue garbage bag (暴露垃圾)", 1.0, false),
    LITTER("scattered white litter: plastic bags, foam box, paper cups (白色垃圾)", 0.3, false),
    BOX_PILE("pile of cardboard boxes (乱堆乱放)", 0.85, false),
    VENDOR_CART("vendor tricycle cart with a vendor (乱摆摊点)", 0.75, true),
    PARKED_CAR("car parked at the kerb (乱停乱放)", Figures.carHeight(1), true);

    /** How long arriving objects take to roll in from the left edge before they stop. */
    public static final double ARRIVAL_SECONDS = 6;

    private final String description;
    private final double aspect;
    private final boolean arrives;

    EventKind(String description, double aspect, boolean arrives) {
        this.description = description;
        this.aspect = aspect;
        this.arrives = arrives;
    }

    public String description() {
        return description;
    }

    /** height / width of the object's box */
    double aspect() {
        return aspect;
    }

    /** true when the object moves in and stops at the event time; false when it simply appears (dropped) then. */
    public boolean arrives() {
        return arrives;
    }
}
