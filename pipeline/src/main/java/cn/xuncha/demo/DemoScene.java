package cn.xuncha.demo;

import java.util.ArrayList;
import java.util.List;

/**
 * One synthetic fixed-camera street view: how long a loop lasts, what is scripted to happen when, and an optional
 * camera fault. Rendering is deterministic for a given seed, so tests can assert on pixels and event boxes.
 */
public record DemoScene(String name, String description, int durationSeconds, List<ScriptedEvent> events,
                        CameraFault fault, double passerDensity) {
    public DemoScene {
        events = List.copyOf(events);
        for (ScriptedEvent e : events) {
            if (e.atSeconds() >= durationSeconds) {
                throw new IllegalArgumentException(name + ": event at " + e.atSeconds() + " s is after the end (" + durationSeconds + " s)");
            }
        }
    }

    /** Human-readable timeline, e.g. ["0 s: street with passers-by", "20 s: black garbage bag ... appears and stays"]. */
    public List<String> timeline() {
        List<String> out = new ArrayList<>();
        out.add("0 s: street with passers-by" + (fault == CameraFault.NONE ? "" : "; camera fault: " + fault.description()));
        events.forEach(e -> out.add(e.describe()));
        out.add(ScriptedEvent.formatTime(durationSeconds) + ": loop restarts (objects vanish)");
        return out;
    }
}
