package cn.xuncha.demo;

import java.util.List;
import java.util.NoSuchElementException;

/** The catalogue of generated scenes that the demo config, tests and benchmarks refer to by name. */
public final class DemoScenes {
    /** sidewalk ground line just in front of the wall, where dumped things end up */
    private static final double WALL_FOOT = 0.50;
    /** kerbside strip where a parked car's wheels stand */
    private static final double KERB_STRIP = 0.76;

    private static final List<DemoScene> ALL = List.of(
            scene("street_quiet", "背街小巷: people, bikes and cars pass; nothing stays (negative control)", 60),
            scene("street_bag", "背街小巷: a black bag is dumped by the wall at 20 s, a blue one beside it at 45 s", 120,
                    new ScriptedEvent(20, EventKind.BLACK_BAG, 0.18, WALL_FOOT, 0.07),
                    new ScriptedEvent(45, EventKind.BLUE_BAG, 0.27, WALL_FOOT + 0.01, 0.06)),
            scene("street_litter", "背街小巷: white litter (plastic bags, foam box, cups) is left on the sidewalk at 20 s", 120,
                    new ScriptedEvent(20, EventKind.LITTER, 0.55, WALL_FOOT + 0.08, 0.15)),
            scene("street_boxes", "老旧小区: a pile of cardboard boxes appears on the sidewalk at 25 s", 120,
                    new ScriptedEvent(25, EventKind.BOX_PILE, 0.42, WALL_FOOT + 0.02, 0.14)),
            scene("market_vendor", "农贸市场 entrance: a vendor tricycle rolls in and stops in the no-vending zone at 20 s", 120,
                    new ScriptedEvent(20, EventKind.VENDOR_CART, 0.58, 0.58, 0.16)),
            scene("road_parking", "主次干道: a car pulls up and parks in the no-parking kerb strip at 30 s", 120,
                    new ScriptedEvent(30, EventKind.PARKED_CAR, 0.36, KERB_STRIP, 0.22)),
            scene("market_mixed", "农贸市场: boxes piled at 15 s, a vendor stops at 35 s, a bag is dumped at 60 s", 120,
                    new ScriptedEvent(15, EventKind.BOX_PILE, 0.08, WALL_FOOT + 0.02, 0.12),
                    new ScriptedEvent(35, EventKind.VENDOR_CART, 0.58, 0.58, 0.16),
                    new ScriptedEvent(60, EventKind.BLACK_BAG, 0.30, WALL_FOOT, 0.07)),
            fault("fault_covered", CameraFault.COVERED),
            fault("fault_blurred", CameraFault.BLURRED),
            fault("fault_shifted", CameraFault.SHIFTED),
            fault("fault_dark", CameraFault.DARK));

    private DemoScenes() {}

    public static List<DemoScene> all() {
        return ALL;
    }

    public static DemoScene byName(String name) {
        return ALL.stream().filter(s -> s.name().equals(name)).findFirst().orElseThrow(() -> new NoSuchElementException(
                "no demo scene '" + name + "' (known: " + String.join(", ", ALL.stream().map(DemoScene::name).toList()) + ")"));
    }

    private static DemoScene scene(String name, String description, int seconds, ScriptedEvent... events) {
        return new DemoScene(name, description, seconds, List.of(events), CameraFault.NONE, 1.0);
    }

    /** The quiet street seen through a faulty camera, for the nightly camera check. */
    private static DemoScene fault(String name, CameraFault fault) {
        return new DemoScene(name, "street_quiet through a faulty camera: " + fault.description(), 30, List.of(), fault, 1.0);
    }
}
