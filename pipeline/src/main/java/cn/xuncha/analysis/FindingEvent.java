package cn.xuncha.analysis;

/** Lifecycle of one tracked static object in one camera view, as the analysis stage sees it. */
public enum FindingEvent {
    /** a static object has stayed past its dwell time and scored as a problem */
    OPENED,
    /** the same object is still there (new best score or box) */
    UPDATED,
    /** the object has been gone for K samples: camera-verified clearance */
    CLOSED
}
