package cn.xuncha.cases;

/** Which picture of a case an evidence file is. */
public enum EvidenceKind {
    /** the frame with the box drawn, from the best-scoring detection */
    FRAME,
    /** the crop of the object */
    CROP,
    /** the reference ("before") view of the spot */
    REFERENCE,
    /** the camera's view after the object disappeared (自动核查) */
    CLEARANCE,
    /** the unit's photo with its rectification report */
    RECTIFICATION
}
