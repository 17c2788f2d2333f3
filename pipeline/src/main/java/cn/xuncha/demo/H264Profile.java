package cn.xuncha.demo;

/** H.264 profiles cheap cameras send; neither uses B-frames, so decode order equals display order. */
public enum H264Profile {
    BASELINE("constrained_baseline"), MAIN("main");

    private final String encoderName;

    H264Profile(String encoderName) {
        this.encoderName = encoderName;
    }

    /** The value of the encoder's "profile" option. */
    public String encoderName() {
        return encoderName;
    }
}
